// Protocol versions: TLS 1.2 only, TLS 1.3 only, and the two refusing each other.
const tls = require('tls');
const { read, server: creds } = require('./fixtures/pki');
const run = (serverOpts, clientOpts) =>
  new Promise((resolve) => {
    const server = tls.createServer({ ...creds(), ...serverOpts }, (s) => s.end());
    server.on('tlsClientError', (e) => console.log('  server tlsClientError', e.code));
    server.listen(0, '127.0.0.1', () => {
      const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: read('ca.crt'), ...clientOpts }, () => {
        const cipher = c.getCipher();
        console.log('  ', c.getProtocol(), cipher.name, cipher.standardName, cipher.version);
      });
      c.on('error', (e) => console.log('  client error', e.code));
      c.on('close', () => server.close(resolve));
      c.resume();
    });
  });
(async () => {
  console.log('1.2 client');
  await run({}, { maxVersion: 'TLSv1.2' });
  console.log('1.3 default');
  await run({}, {});
  console.log('server 1.3 only, client 1.2 only');
  await run({ minVersion: 'TLSv1.3' }, { maxVersion: 'TLSv1.2' });
  console.log('tls1.2 ciphers by name');
  await run({}, { ciphers: 'ECDHE-RSA-AES256-GCM-SHA384', maxVersion: 'TLSv1.2' });
})();
