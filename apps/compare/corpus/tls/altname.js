// A name the certificate does not cover: ERR_TLS_CERT_ALTNAME_INVALID with reason, host and cert.
const tls = require('tls');
const { read, server: creds } = require('./fixtures/pki');
const server = tls.createServer(creds(), (s) => s.end());
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  for (const opts of [{ servername: 'other.example' }, { host: 'localhost', servername: 'wrong.localhost' }, { servername: 'localhost' }]) {
    await new Promise((resolve) => {
      const c = tls.connect({ port, host: '127.0.0.1', ca: read('ca.crt'), ...opts }, () => console.log(JSON.stringify(opts), 'ok', c.authorized));
      c.on('error', (e) => {
        console.log(JSON.stringify(opts), e.code);
        console.log(' message:', e.message);
        console.log(' reason:', e.reason, '| host:', e.host, '| cert CN:', e.cert.subject.CN);
      });
      c.on('close', resolve);
      c.resume();
    });
  }
  server.close();
});
