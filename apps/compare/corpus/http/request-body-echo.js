// A POST body streamed in pieces comes back whole; the server sees the
// request headers the client set.
const http = require('http');
const server = http.createServer((req, res) => {
  console.log('server:', req.method, req.url, 'content-type', req.headers['content-type'], 'transfer-encoding', req.headers['transfer-encoding']);
  const parts = [];
  req.on('data', (d) => parts.push(d));
  req.on('end', () => {
    const body = Buffer.concat(parts);
    console.log('server: got', body.length, 'bytes, complete', req.complete);
    res.writeHead(200, { 'content-type': 'application/octet-stream' });
    res.end(body);
  });
});
server.listen(0, '127.0.0.1', () => {
  const req = http.request({ host: '127.0.0.1', port: server.address().port, method: 'POST', path: '/echo', headers: { 'content-type': 'text/plain' } }, (res) => {
    const parts = [];
    res.on('data', (d) => parts.push(d));
    res.on('end', () => {
      const text = Buffer.concat(parts).toString();
      console.log('client: echoed', text.length, 'chars, starts', JSON.stringify(text.slice(0, 12)), 'ends', JSON.stringify(text.slice(-6)));
      server.close();
    });
  });
  req.write('hello, ');
  req.write(Buffer.from('body '));
  req.end('x'.repeat(100000) + ' done.');
});
