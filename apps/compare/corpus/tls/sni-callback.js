// SNICallback picks the certificate by the name the client asked for.
const tls = require('tls');
const { read } = require('./fixtures/pki');
const contexts = {
  localhost: tls.createSecureContext({ key: read('server.key'), cert: read('server.crt') }),
  'other.example': tls.createSecureContext({ key: read('other.key'), cert: read('other.crt') }),
};
const asked = [];
const server = tls.createServer(
  {
    key: read('server.key'),
    cert: read('server.crt'),
    SNICallback(name, cb) {
      asked.push(name);
      if (name === 'fail.example') return cb(new Error('no such name'));
      setImmediate(() => cb(null, contexts[name]));
    },
  },
  (s) => s.end(`served ${s.servername}`),
);
server.on('tlsClientError', (e) => console.log('tlsClientError', e.message));
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  for (const servername of ['other.example', 'localhost', 'fail.example']) {
    await new Promise((resolve) => {
      const c = tls.connect({ port, host: '127.0.0.1', servername, ca: read('ca.crt') }, () => {
        console.log(servername, 'cert CN', c.getPeerCertificate().subject.CN, 'authorized', c.authorized);
      });
      c.setEncoding('utf8');
      c.on('data', (d) => console.log(servername, d));
      c.on('error', (e) => console.log(servername, 'error', e.code));
      c.on('close', resolve);
    });
  }
  console.log('asked', asked.join(','));
  server.close();
});
