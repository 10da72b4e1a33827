// requestCert: a client certificate from the trusted CA, none, and an untrusted one.
const tls = require('tls');
const { read, server: creds } = require('./fixtures/pki');
const server = tls.createServer({ ...creds(), requestCert: true, rejectUnauthorized: false, ca: read('ca.crt') }, (s) => {
  const peer = s.getPeerCertificate();
  console.log('server: authorized', s.authorized, 'error', s.authorizationError, 'peer CN', peer.subject ? peer.subject.CN : undefined);
  s.end();
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const run = (label, extra) =>
    new Promise((resolve) => {
      const c = tls.connect({ port, host: '127.0.0.1', ca: read('ca.crt'), ...extra }, () => console.log(label, 'client authorized', c.authorized));
      c.on('error', (e) => console.log(label, 'client error', e.code));
      c.on('close', resolve);
      c.resume();
    });
  await run('with cert', { key: read('client.key'), cert: read('client.crt') });
  await run('without', {});
  await run('self-signed', { key: read('self.key'), cert: read('self.crt') });
  server.close();
});
