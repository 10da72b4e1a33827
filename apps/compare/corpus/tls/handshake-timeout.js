// handshakeTimeout: a client that connects and says nothing is reported as ERR_TLS_HANDSHAKE_TIMEOUT;
// the connection stays until the listener drops it.
const tls = require('tls');
const net = require('net');
const { server: creds } = require('./fixtures/pki');
const server = tls.createServer({ ...creds(), handshakeTimeout: 100 }, () => console.log('unexpected'));
server.on('tlsClientError', (e, socket) => {
  console.log('tlsClientError', e.code, e.message, socket.destroyed);
  socket.destroy();
});
server.listen(0, '127.0.0.1', () => {
  const raw = net.connect(server.address().port, '127.0.0.1');
  raw.on('end', () => console.log('client: server ended the connection'));
  raw.on('close', () => server.close(() => console.log('closed')));
  raw.resume();
});
