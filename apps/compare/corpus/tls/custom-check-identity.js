// A program's own checkServerIdentity: its error rejects, its undefined accepts.
const tls = require('tls');
const { read, server: creds } = require('./fixtures/pki');
const server = tls.createServer(creds(), (s) => s.end());
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const run = (checkServerIdentity) =>
    new Promise((resolve) => {
      const c = tls.connect({ port, host: '127.0.0.1', ca: read('ca.crt'), servername: 'nothing.example', checkServerIdentity }, () =>
        console.log('secureConnect', c.authorized, c.authorizationError),
      );
      c.on('error', (e) => console.log('error', e.message, e.code));
      c.on('close', resolve);
      c.resume();
    });
  await run((host, cert) => {
    console.log('asked about', host, cert.subject.CN, typeof cert.raw, cert.issuerCertificate.subject.CN);
    return undefined;
  });
  await run(() => Object.assign(new Error('not this one'), { code: 'MY_CODE' }));
  server.close();
});
