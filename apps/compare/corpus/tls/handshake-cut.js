// A handshake cut halfway, from either side: ECONNRESET with Node's messages.
const tls = require('tls');
const net = require('net');
const { read, server: creds } = require('./fixtures/pki');
const server = tls.createServer(creds(), () => console.log('unexpected secureConnection'));
server.on('tlsClientError', (e) => console.log('server tlsClientError', e.code, e.message));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  // The start of a ClientHello, then the end.
  const raw = net.connect(port, '127.0.0.1', () => raw.end(Buffer.from('160301020001000200fc0303', 'hex')));
  raw.resume();
  raw.on('close', () => {
    // A server that accepts and closes at once.
    const closer = net.createServer((s) => s.destroy());
    closer.listen(0, '127.0.0.1', () => {
      const c = tls.connect({ port: closer.address().port, host: '127.0.0.1', ca: read('ca.crt') });
      c.on('error', (e) => console.log('client error', e.code, e.message, e.host, e.port === closer.address().port));
      c.on('close', () => {
        closer.close();
        server.close(() => console.log('done'));
      });
    });
  });
});
