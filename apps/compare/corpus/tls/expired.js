// An expired certificate: CERT_HAS_EXPIRED, or authorized false when allowed through.
const tls = require('tls');
const { read } = require('./fixtures/pki');
const server = tls.createServer({ key: read('expired.key'), cert: read('expired.crt') }, (s) => s.end());
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const c = tls.connect({ port, host: '127.0.0.1', ca: read('ca.crt') });
  c.on('error', (e) => {
    console.log('error', e.code, e.message);
    const c2 = tls.connect({ port, host: '127.0.0.1', ca: read('ca.crt'), rejectUnauthorized: false }, () => {
      const cert = c2.getPeerCertificate();
      console.log('allowed', c2.authorized, c2.authorizationError, cert.valid_from, '..', cert.valid_to);
    });
    c2.on('close', () => server.close());
    c2.resume();
  });
});
