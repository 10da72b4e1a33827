// Several write()s without a length: chunked encoding, seen raw over net.
const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => {
  res.write('first,');
  res.write(Buffer.from('second,'));
  setTimeout(() => res.end('last'), 10);
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  let raw = '';
  c.setEncoding('latin1');
  c.on('data', (d) => (raw += d));
  c.on('end', () => {
    console.log(JSON.stringify(raw.replace(/\r\nDate: [^\r]*/, '')));
    http.get(`http://127.0.0.1:${server.address().port}/`, (res) => {
      console.log('transfer-encoding', res.headers['transfer-encoding'], 'content-length', res.headers['content-length']);
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => {
        console.log('body', body);
        server.close();
      });
    });
  });
});
