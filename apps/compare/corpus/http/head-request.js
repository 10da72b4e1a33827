// HEAD: headers, including the length a GET would have, but no body.
const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => {
  console.log('server:', req.method);
  res.setHeader('Content-Length', 11);
  res.end(req.method === 'HEAD' ? undefined : 'hello there');
});
server.listen(0, '127.0.0.1', () => {
  const req = http.request({ host: '127.0.0.1', port: server.address().port, method: 'HEAD' }, (res) => {
    let bytes = 0;
    res.on('data', (d) => (bytes += d.length));
    res.on('end', () => {
      console.log('client:', res.statusCode, 'content-length', res.headers['content-length'], 'body bytes', bytes);
      const c = net.connect(server.address().port, '127.0.0.1');
      c.write('HEAD / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
      let out = '';
      c.on('data', (d) => (out += d));
      c.on('end', () => {
        console.log('raw:', JSON.stringify(out.replace(/\r\nDate: [^\r]*/, '')));
        server.close();
      });
    });
  });
  req.end();
});
