// server.addContext: exact and wildcard names, the default certificate otherwise.
const tls = require('tls');
const { read, server: creds } = require('./fixtures/pki');
const server = tls.createServer(creds(), (s) => s.end());
server.addContext('*.wild.example', { key: read('other.key'), cert: read('other.crt') });
server.addContext('other.example', tls.createSecureContext({ key: read('other.key'), cert: read('other.crt') }));
try {
  server.addContext('', {});
} catch (e) {
  console.log('addContext("")', e.code, e.message);
}
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  for (const servername of ['a.wild.example', 'other.example', 'b.c.wild.example', 'localhost']) {
    await new Promise((resolve) => {
      const c = tls.connect({ port, host: '127.0.0.1', servername, ca: read('ca.crt'), rejectUnauthorized: false }, () => {
        console.log(servername, '->', c.getPeerCertificate().subject.CN, c.authorized, c.authorizationError);
      });
      c.on('close', resolve);
      c.resume();
    });
  }
  server.close();
});
