// https.get and https.request against an https server on a test CA.
const https = require('https');
const { read, server: creds } = require('./fixtures/pki');
const server = https.createServer(creds(), (req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    res.setHeader('x-encrypted', String(req.socket.encrypted));
    res.setHeader('x-alpn', String(req.socket.alpnProtocol));
    res.end(`${req.method} ${req.url} ${body}`);
  });
});
console.log(server instanceof require('tls').Server, server instanceof require('net').Server);
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  https.get({ host: 'localhost', port, path: '/get?x=1', ca: read('ca.crt') }, (res) => {
    console.log('get', res.statusCode, res.headers['x-encrypted'], res.headers['x-alpn'], res.socket.authorized, res.socket.alpnProtocol);
    res.setEncoding('utf8');
    res.on('data', (d) => console.log('body', d));
    res.on('end', () => {
      const req = https.request(`https://localhost:${port}/post`, { method: 'POST', ca: read('ca.crt') }, (r) => {
        r.setEncoding('utf8');
        r.on('data', (d) => console.log('post', r.statusCode, d));
        r.on('end', () => server.close(() => console.log('closed')));
      });
      req.end('payload');
    });
  });
});
