// NODE_TLS_REJECT_UNAUTHORIZED=0 lets an untrusted server through, with a warning.
const tls = require('tls');
const { read } = require('./fixtures/pki');
// Ours instead of the default writer, whose line carries the pid.
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning', w.name, w.message));
const server = tls.createServer({ key: read('self.key'), cert: read('self.crt') }, (s) => s.end('through'));
server.listen(0, '127.0.0.1', () => {
  process.env.NODE_TLS_REJECT_UNAUTHORIZED = '0';
  const c = tls.connect(server.address().port, '127.0.0.1', () => console.log('secureConnect', c.authorized, c.authorizationError));
  c.setEncoding('utf8');
  c.on('data', (d) => console.log('data', d));
  c.on('close', () => {
    delete process.env.NODE_TLS_REJECT_UNAUTHORIZED;
    const c2 = tls.connect(server.address().port, '127.0.0.1');
    c2.on('error', (e) => console.log('without the variable:', e.code));
    c2.on('close', () => server.close());
  });
});
