// A certificate from a CA the client does not trust, then trusted through `ca`.
const tls = require('tls');
const { read, server: creds } = require('./fixtures/pki');
const server = tls.createServer(creds(), (s) => s.end('ok'));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const c = tls.connect(port, '127.0.0.1');
  c.on('secureConnect', () => console.log('unexpected'));
  c.on('error', (e) => {
    console.log('default roots:', e.code, e.message);
    const c2 = tls.connect(port, '127.0.0.1', { ca: [read('other.crt'), read('ca.crt')] }, () => console.log('with ca: authorized', c2.authorized));
    c2.on('data', (d) => console.log('data', String(d)));
    c2.on('close', () => server.close());
  });
});
