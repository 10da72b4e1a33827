// insecureHTTPParser as a server and a request option: what the strict
// parser refuses (bad bytes, Content-Length with chunked, bare LF) and what
// the lenient one takes.
const http = require('http');
const net = require('net');
const inputs = {
  badchar: 'GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\x01b\r\nConnection: close\r\n\r\n',
  cl_te: 'POST / HTTP/1.1\r\nHost: x\r\nContent-Length: 3\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n1\r\na\r\n0\r\n\r\n',
  bare_lf: 'GET / HTTP/1.1\nHost: x\nConnection: close\n\n',
  space_name: 'GET / HTTP/1.1\r\nHost: x\r\nX Space: 1\r\nConnection: close\r\n\r\n',
};
async function serverCase(opt, name) {
  const server = http.createServer(opt === 'none' ? {} : { insecureHTTPParser: opt }, (req, res) => {
    let b = ''; req.on('data', (d) => (b += d)); req.on('end', () => res.end(`ok ${JSON.stringify(req.headers['x-bad'] ?? null)} ${JSON.stringify(b)}`));
  });
  server.on('clientError', (e, s) => { console.log(`  clientError ${e.code} ${e.message}`); s.destroy(); });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  await new Promise((resolve) => {
    const c = net.connect(server.address().port, '127.0.0.1', () => c.write(inputs[name]));
    let d = ''; c.on('data', (x) => (d += x)); c.on('close', () => { const m = d.split('\r\n\r\n')[1]; console.log(`server insecure=${opt} ${name}: ${m === undefined ? '(no response)' : m}`); resolve(); });
  });
  server.close();
}
const responses = {
  badchar: 'HTTP/1.1 200 OK\r\nX-Bad: a\x01b\r\nContent-Length: 2\r\nConnection: close\r\n\r\nhi',
  cl_te: 'HTTP/1.1 200 OK\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n2\r\nhi\r\n0\r\n\r\n',
  bare_lf: 'HTTP/1.1 200 OK\nContent-Length: 2\nConnection: close\n\nhi',
};
async function clientCase(opt, name) {
  const raw = net.createServer((s) => s.once('data', () => s.end(responses[name])));
  await new Promise((r) => raw.listen(0, '127.0.0.1', r));
  await new Promise((resolve) => {
    const o = { port: raw.address().port, host: '127.0.0.1', agent: false };
    if (opt !== 'none') o.insecureHTTPParser = opt;
    http.get(o, (res) => { let b = ''; res.on('data', (d) => (b += d)); res.on('end', () => { console.log(`client insecure=${opt} ${name}: ${res.statusCode} ${JSON.stringify(res.headers['x-bad'] ?? null)} ${JSON.stringify(b)}`); resolve(); }); })
      .on('error', (e) => { console.log(`client insecure=${opt} ${name}: error ${e.code} ${e.message}`); resolve(); });
  });
  raw.close();
}
(async () => {
  for (const opt of ['none', false, true]) for (const name of Object.keys(inputs)) await serverCase(opt, name);
  for (const opt of ['none', false, true]) for (const name of Object.keys(responses)) await clientCase(opt, name);
})();
