// A TLSSocket's state before, during and after the handshake.
const tls = require('tls');
const net = require('net');
const { read, server: creds } = require('./fixtures/pki');
const server = tls.createServer(creds(), (s) => {
  console.log('server side', s.servername, s.alpnProtocol, s.remoteAddress, typeof s.remotePort, s.localPort === server.address().port, s.isSessionReused());
  s.end();
});
server.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: read('ca.crt'), servername: 'localhost' });
  console.log('before', c instanceof net.Socket, c instanceof tls.TLSSocket, c.encrypted, c.authorized, c.alpnProtocol, c.connecting, c.getProtocol(), c.secureConnecting);
  c.on('connect', () => console.log('connect', c.remoteAddress, c.remotePort === server.address().port, c.getProtocol()));
  c.on('secureConnect', () => {
    console.log('secure', c.authorized, c.alpnProtocol, c.secureConnecting, c.getProtocol(), c.address().family, c.setNoDelay(true) === c, c.setKeepAlive(true) === c);
    console.log('readyState', c.readyState, 'servername', c.servername);
  });
  c.on('close', () => {
    console.log('after', c.getProtocol(), c.destroyed, c.readyState);
    server.close();
  });
  c.resume();
});
