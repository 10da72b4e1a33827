// Plain HTTP to a TLS port: the server reports ERR_SSL_HTTP_REQUEST and goes on serving.
const tls = require('tls');
const net = require('net');
const { read, server: creds } = require('./fixtures/pki');
const server = tls.createServer(creds(), (s) => s.end('secure hello'));
server.on('tlsClientError', (e, socket) => {
  console.log('tlsClientError', e.code, '|', e.library, '|', e.reason, '|', socket instanceof tls.TLSSocket, Object.keys(e).join(','));
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const raw = net.connect(port, '127.0.0.1', () => raw.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'));
  let got = 0;
  raw.on('data', (d) => (got += d.length));
  raw.on('close', () => {
    console.log('raw client closed, got bytes:', got > 0);
    const c = tls.connect({ port, host: '127.0.0.1', ca: read('ca.crt') });
    c.setEncoding('utf8');
    c.on('data', (d) => console.log('next client:', d));
    c.on('close', () => server.close(() => console.log('server closed')));
  });
});
