// The fetch classes on their own: Headers, Request, Response and FormData,
// including the static Response constructors and their errors.
const util = require('util');
const h = new Headers({ 'Content-Type': 'text/plain', 'X-A': '1' });
h.append('x-a', '2');
h.set('X-B', 'b');
h.delete('content-type');
console.log([...h], h.has('X-A'), h.get('x-missing'));
try { h.append('bad name', 'x'); } catch (e) { console.log(e.name, e.message); }
const req = new Request('http://example.test/path?q=1', { method: 'post', headers: { a: 'b' }, body: 'payload' });
console.log(req.method, req.url, req.headers.get('a'), req.redirect, req.mode, req.credentials, req.cache, req.duplex);
const cloned = req.clone();
cloned.text().then((t) => console.log('clone body', t));
const res = new Response('body', { status: 404, statusText: 'Nope', headers: { 'x-r': '1' } });
console.log(res.status, res.statusText, res.ok, res.headers.get('x-r'), res.type);
const json = Response.json({ a: 1 }, { status: 202 });
console.log(json.status, json.headers.get('content-type'));
json.json().then((v) => console.log('json', v));
const err = Response.error();
console.log('error', err.type, err.status);
const redirect = Response.redirect('http://example.test/next', 308);
console.log('redirect', redirect.status, redirect.headers.get('location'));
try { Response.redirect('http://example.test/', 200); } catch (e) { console.log(e.name, e.message); }
try { new Response('x', { status: 99 }); } catch (e) { console.log(e.name, e.message); }
const fd = new FormData();
fd.append('a', '1');
fd.append('file', new Blob(['content'], { type: 'text/plain' }), 'f.txt');
console.log([...fd.keys()], fd.get('a'), fd.get('file').name, fd.get('file').constructor.name);
console.log(util.inspect(new Headers([['k', 'v']])));
console.log(Object.prototype.toString.call(res), Object.prototype.toString.call(h), String(req));
