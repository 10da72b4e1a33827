// Session resumption: the 'session' events, getSession, resuming with `session`, a garbage session ignored.
const tls = require('tls');
const { read, server: creds } = require('./fixtures/pki');
const server = tls.createServer(creds(), (s) => setTimeout(() => s.end('x'), 50));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const ca = read('ca.crt');
  let last;
  const c = tls.connect({ port, host: '127.0.0.1', ca }, () => {
    console.log('first: reused', c.isSessionReused(), 'getSession is a Buffer', Buffer.isBuffer(c.getSession()));
  });
  c.on('session', (s) => {
    last = s;
    console.log('first: session event', Buffer.isBuffer(s), s.length > 100);
  });
  c.resume();
  c.on('close', () => {
    const c2 = tls.connect({ port, host: '127.0.0.1', ca, session: last }, () => {
      console.log('second: reused', c2.isSessionReused(), 'authorized', c2.authorized, 'peer', JSON.stringify(c2.getPeerCertificate()), c2.getProtocol());
    });
    c2.on('session', () => console.log('second: session event'));
    c2.resume();
    c2.on('close', () => {
      const c3 = tls.connect({ port, host: '127.0.0.1', ca, session: Buffer.from('garbage') }, () => console.log('third: reused', c3.isSessionReused(), c3.authorized));
      c3.on('error', (e) => console.log('third error', e.code));
      c3.resume();
      c3.on('close', () => server.close(() => console.log('closed')));
    });
  });
});
