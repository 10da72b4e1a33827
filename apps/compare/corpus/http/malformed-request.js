// Malformed requests get a 400 and the connection closes: exact bytes.
const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => res.end('should not happen'));
const requests = [
  'GARBAGE\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: x\r\nBad Header\r\n\r\n',
  'GET / HTTP/9.9\r\nHost: x\r\n\r\n',
  'GET / HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n',
];
function send(text) {
  return new Promise((resolve) => {
    const c = net.connect(server.address().port, '127.0.0.1');
    c.write(text);
    let out = '';
    c.setEncoding('latin1');
    c.on('data', (d) => (out += d));
    c.on('close', () => resolve(out));
  });
}
server.listen(0, '127.0.0.1', async () => {
  for (const r of requests) console.log(JSON.stringify(r), '->', JSON.stringify(await send(r)));
  server.close();
});
