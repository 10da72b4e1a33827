// ALPN: the server's preference wins, no offer means false, no overlap fails the handshake.
const tls = require('tls');
const { read, server: creds } = require('./fixtures/pki');
const server = tls.createServer({ ...creds(), ALPNProtocols: ['h2', 'http/1.1'] }, (s) => {
  console.log('server alpn', s.alpnProtocol);
  s.end();
});
server.on('tlsClientError', (e) => console.log('tlsClientError', e.code));
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const attempt = (ALPNProtocols) =>
    new Promise((resolve) => {
      const c = tls.connect({ port, host: '127.0.0.1', ca: read('ca.crt'), servername: 'localhost', ALPNProtocols }, () => {
        console.log('client', JSON.stringify(ALPNProtocols), '->', c.alpnProtocol);
      });
      c.on('error', (e) => console.log('client error', e.code, e.reason));
      c.on('close', resolve);
      c.resume();
    });
  await attempt(['http/1.1', 'h2']);
  await attempt(['http/1.1']);
  await attempt(undefined);
  await attempt(['spdy/3']);
  server.close();
});
