// A self-signed server certificate: rejected by default, allowed with rejectUnauthorized: false.
const tls = require('tls');
const { read } = require('./fixtures/pki');
const server = tls.createServer({ key: read('self.key'), cert: read('self.crt') }, (s) => s.end('data'));
server.on('tlsClientError', (e) => console.log('server tlsClientError', e.code, e.message));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const c = tls.connect({ port, host: '127.0.0.1' }, () => console.log('unexpected secureConnect'));
  c.on('error', (e) => {
    console.log('error', e.code, e.message, Object.keys(e).join(','));
    const c2 = tls.connect({ port, host: '127.0.0.1', rejectUnauthorized: false }, () => {
      console.log('secureConnect authorized', c2.authorized, 'authorizationError', c2.authorizationError);
    });
    c2.setEncoding('utf8');
    c2.on('data', (d) => console.log('data', d));
    c2.on('close', () => server.close(() => console.log('closed')));
  });
});
