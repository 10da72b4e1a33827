// tls's constants and lists: getCiphers, rootCertificates, DEFAULT_*.
const tls = require('tls');
const ciphers = tls.getCiphers();
console.log('ciphers', ciphers.length, ciphers.includes('tls_aes_256_gcm_sha384'), ciphers.includes('ecdhe-rsa-aes128-gcm-sha256'));
console.log('sorted', JSON.stringify(ciphers) === JSON.stringify([...ciphers].sort()), 'lowercase', ciphers.every((c) => c === c.toLowerCase()));
console.log('fresh copy', tls.getCiphers() !== ciphers);
const roots = tls.rootCertificates;
console.log('roots', roots.length > 100, Object.isFrozen(roots), roots === tls.rootCertificates, roots[0].startsWith('-----BEGIN CERTIFICATE-----'));
console.log(tls.DEFAULT_MIN_VERSION, tls.DEFAULT_MAX_VERSION, tls.DEFAULT_ECDH_CURVE, tls.CLIENT_RENEG_LIMIT, tls.CLIENT_RENEG_WINDOW);
console.log('default ciphers', tls.DEFAULT_CIPHERS === require('crypto').constants.defaultCipherList);
console.log('keys', Object.keys(tls).join(' '));
console.log('https keys', Object.keys(require('https')).join(' '));
console.log('_tls_common', Object.keys(require('_tls_common')).join(' '), '_tls_wrap', Object.keys(require('_tls_wrap')).join(' '));
console.log(typeof tls.TLSSocket, tls.TLSSocket.name, tls.Server.name, tls.SecureContext.name);
