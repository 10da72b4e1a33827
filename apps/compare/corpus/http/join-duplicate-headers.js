// joinDuplicateHeaders (server and request option): headers whose
// duplicates Node drops are joined with ', ' instead, trailers too.
const http = require('http');
const net = require('net');
for (const v of [1, 'yes', null]) {
  try { http.createServer({ joinDuplicateHeaders: v }); console.log('server ok', v); } catch (e) { console.log(e.code, e.message); }
  try { http.request({ port: 1, joinDuplicateHeaders: v }).on('error', () => {}).destroy(); console.log('client ok', v); } catch (e) { console.log(e.code, e.message); }
  try { http.createServer({ insecureHTTPParser: v }); console.log('server ok', v); } catch (e) { console.log(e.code, e.message); }
  try { http.request({ port: 1, insecureHTTPParser: v }).on('error', () => {}).destroy(); console.log('client ok', v); } catch (e) { console.log(e.code, e.message); }
}
const dup = 'Host: a\r\nHost: b\r\nUser-Agent: u1\r\nUser-Agent: u2\r\nX-A: 1\r\nX-A: 2\r\nCookie: c=1\r\nCookie: d=2\r\nSet-Cookie: s=1\r\nSet-Cookie: t=2\r\nAuthorization: a1\r\nAuthorization: a2\r\nContent-Type: t1\r\ncontent-type: t2\r\n';
async function run(join) {
  const server = http.createServer({ joinDuplicateHeaders: join }, (req, res) => {
    console.log('server join', join, JSON.stringify(req.headers), req.joinDuplicateHeaders);
    req.on('end', () => { console.log('trailers', JSON.stringify(req.trailers)); res.end(); });
    req.resume();
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  await new Promise((resolve) => {
    const c = net.connect(server.address().port, '127.0.0.1', () =>
      c.write('POST / HTTP/1.1\r\n' + dup + 'Transfer-Encoding: chunked\r\nConnection: close\r\n\r\n1\r\nx\r\n0\r\nX-T: 1\r\nX-T: 2\r\nETag: e1\r\nETag: e2\r\n\r\n'));
    c.resume(); c.on('end', resolve);
  });
  server.close();
  const raw = net.createServer((s) => { s.once('data', () => s.end('HTTP/1.1 200 OK\r\n' + dup + 'Content-Length: 0\r\nConnection: close\r\n\r\n')); });
  await new Promise((r) => raw.listen(0, '127.0.0.1', r));
  await new Promise((resolve) => http.get({ port: raw.address().port, host: '127.0.0.1', joinDuplicateHeaders: join, agent: false }, (res) => {
    console.log('client join', join, JSON.stringify(res.headers), res.joinDuplicateHeaders);
    res.resume(); res.on('end', resolve);
  }));
  raw.close();
}
(async () => { await run(undefined); await run(false); await run(true); })();
