// Two requests in one write on one connection: two responses, in order.
const http = require('http');
const net = require('net');
const seen = [];
const server = http.createServer((req, res) => {
  seen.push(req.url);
  // The first answer is slower: order must still follow the requests.
  setTimeout(() => res.end(`body of ${req.url}`), req.url === '/one' ? 30 : 0);
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.write('GET /one HTTP/1.1\r\nHost: x\r\n\r\nGET /two HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  let raw = '';
  c.setEncoding('latin1');
  c.on('data', (d) => (raw += d));
  c.on('end', () => {
    console.log('server saw:', seen.join(' '));
    for (const part of raw.replace(/\r\nDate: [^\r]*/g, '').split(/(?=HTTP\/1\.1 )/)) console.log(JSON.stringify(part));
    server.close();
  });
});
