// getPeerCertificate: the fields, the detailed chain up to the self-issued root, getCertificate.
const tls = require('tls');
const { read, server: creds } = require('./fixtures/pki');
const server = tls.createServer(creds(), (s) => {
  const own = s.getCertificate();
  console.log('server own cert', own.subject.CN, own.serialNumber, 'peer', JSON.stringify(s.getPeerCertificate()));
  s.end();
});
server.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: read('ca.crt') }, () => {
    const cert = c.getPeerCertificate();
    console.log('keys', Object.keys(cert).join(','));
    console.log('subject', JSON.stringify(cert.subject), 'issuer', JSON.stringify(cert.issuer));
    console.log('san', cert.subjectaltname, 'ca', cert.ca, 'bits', cert.bits, 'exponent', cert.exponent);
    console.log('valid', cert.valid_from, '/', cert.valid_to, 'serial', cert.serialNumber);
    console.log('fingerprint256', cert.fingerprint256);
    console.log('ext_key_usage', JSON.stringify(cert.ext_key_usage), 'raw', cert.raw.length, Buffer.isBuffer(cert.raw));
    console.log('plain has issuerCertificate', 'issuerCertificate' in cert);
    const detailed = c.getPeerCertificate(true);
    console.log('chain', detailed.subject.CN, '<-', detailed.issuerCertificate.subject.CN, 'root is own issuer', detailed.issuerCertificate.issuerCertificate === detailed.issuerCertificate);
    console.log('client own cert', JSON.stringify(c.getCertificate()));
    c.on('close', () => {
      console.log('after close', c.getPeerCertificate(), c.getCertificate());
      server.close();
    });
  });
  c.resume();
});
