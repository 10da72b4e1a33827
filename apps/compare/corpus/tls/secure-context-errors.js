// createSecureContext's argument errors: versions, ciphers, keys and certificates.
const tls = require('tls');
const { read } = require('./fixtures/pki');
const tryIt = (label, fn) => {
  try {
    fn();
    console.log(label, 'ok');
  } catch (e) {
    console.log(label, e.name, e.code, e.message.replace(/^error:[0-9A-F]+:/, 'error:…:'));
  }
};
tryIt('minVersion', () => tls.createSecureContext({ minVersion: 'TLSv9' }));
tryIt('maxVersion', () => tls.createSecureContext({ maxVersion: 'SSLv3' }));
tryIt('conflict', () => tls.createSecureContext({ minVersion: 'TLSv1.2', secureProtocol: 'TLSv1_2_method' }));
tryIt('ciphers type', () => tls.createSecureContext({ ciphers: 5 }));
tryIt('ciphers empty', () => tls.createSecureContext({ ciphers: '' }));
tryIt('ciphers bogus', () => tls.createSecureContext({ ciphers: 'NOPE-NOTHING' }));
tryIt('cert type', () => tls.createSecureContext({ cert: 42 }));
tryIt('key type', () => tls.createSecureContext({ key: 42 }));
tryIt('key garbage', () => tls.createSecureContext({ key: 'not a key' }));
tryIt('key mismatch', () => tls.createSecureContext({ cert: read('server.crt'), key: read('other.key') }));
tryIt('good', () => tls.createSecureContext({ cert: read('server.crt'), key: read('server.key'), ca: read('ca.crt') }));
tryIt('context', () => new tls.TLSSocket(null, { secureContext: {} }));
tryIt('instance', () => console.log(tls.createSecureContext() instanceof tls.SecureContext, typeof tls.createSecureContext().context));
