// A client that destroys right after the handshake, and one that destroys while connecting.
const tls = require('tls');
const { read, server: creds } = require('./fixtures/pki');
const server = tls.createServer(creds(), (s) => {
  s.on('error', (e) => console.log('server socket error', e.code));
  s.on('close', () => console.log('server socket close'));
  s.write('hello');
});
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const c = tls.connect({ port, host: '127.0.0.1', ca: read('ca.crt') }, () => {
    console.log('secure, destroying');
    c.destroy();
  });
  c.on('close', (hadError) => {
    console.log('client close', hadError);
    const c2 = tls.connect({ port, host: '127.0.0.1', ca: read('ca.crt') });
    c2.on('secureConnect', () => console.log('unexpected'));
    c2.destroy(new Error('changed my mind'));
    c2.on('error', (e) => console.log('c2 error', e.message));
    c2.on('close', () => setTimeout(() => server.close(() => console.log('closed')), 50));
  });
});
