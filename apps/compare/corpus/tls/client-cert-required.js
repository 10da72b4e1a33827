// requestCert with rejectUnauthorized: a client without a certificate, and one with an untrusted one.
const tls = require('tls');
const { read, server: creds } = require('./fixtures/pki');
const server = tls.createServer({ ...creds(), requestCert: true, ca: read('ca.crt') }, (s) => {
  console.log('server: secureConnection', s.authorized, s.getPeerCertificate().subject.CN);
  s.end('welcome');
});
server.on('tlsClientError', (e) => console.log('server tlsClientError', e.code));
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const run = (label, extra) =>
    new Promise((resolve) => {
      const c = tls.connect({ port, host: '127.0.0.1', ca: read('ca.crt'), ...extra });
      c.setEncoding('utf8');
      c.on('data', (d) => console.log(label, 'data', d));
      c.on('error', (e) => console.log(label, 'client error', e.code));
      c.on('close', () => setTimeout(resolve, 50));
    });
  await run('good', { key: read('client.key'), cert: read('client.crt') });
  await run('none', {});
  server.close();
});
