// end(body) alone sets Content-Length; an explicit one is used as given.
const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => {
  if (req.url === '/explicit') {
    res.setHeader('Content-Length', 5);
    res.write('ab');
    res.end('cde');
  } else if (req.url === '/utf8') {
    res.end('\u20ac\u20ac');
  } else {
    res.end('plain');
  }
});
function raw(path) {
  return new Promise((resolve) => {
    const c = net.connect(server.address().port, '127.0.0.1');
    c.write(`GET ${path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
    let out = '';
    c.setEncoding('utf8');
    c.on('data', (d) => (out += d));
    c.on('end', () => resolve(out.replace(/\r\nDate: [^\r]*/, '')));
  });
}
server.listen(0, '127.0.0.1', async () => {
  for (const p of ['/', '/explicit', '/utf8']) console.log(p, JSON.stringify(await raw(p)));
  server.close();
});
