// OutgoingMessage.setHeaders: a Headers or a Map, set-cookie entries collected
// into one list, and the errors for anything else.
const http = require('http');
const res = new http.OutgoingMessage();
for (const bad of [undefined, null, {}, [], 'x', new Set()]) {
  try { res.setHeaders(bad); console.log('ok', bad); } catch (e) { console.log(e.code, e.message); }
}
res.setHeaders(new Headers({ 'X-A': '1', 'Set-Cookie': 'a=1' }));
console.log(res.getHeaders(), res.getRawHeaderNames());
const h = new Headers(); h.append('set-cookie', 'x=1'); h.append('set-cookie', 'y=2'); h.append('X-B', 'b'); h.append('x-b', 'c');
res.setHeaders(h);
console.log(res.getHeaders(), res.getRawHeaderNames());
res.setHeaders(new Map([['X-M', 'm'], ['Content-Type', 'text/plain'], ['set-cookie', ['q=1', 'r=2']], ['X-N', 5]]));
console.log(res.getHeaders(), res.getRawHeaderNames());
try { res.setHeaders(new Map([['bad name', 'v']])); } catch (e) { console.log(e.code, e.message); }
try { res.setHeaders(new Map([['x', 'v\n']])); } catch (e) { console.log(e.code, e.message); }
console.log(res.setHeaders(new Map()) === res);
const m2 = new Map([['set-cookie','z=1'],['Set-Cookie', 'w=2']]);
res.setHeaders(m2);
console.log(res.getHeaders());
