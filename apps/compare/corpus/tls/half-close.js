// allowHalfOpen: the client ends, the server still answers, then ends too.
const tls = require('tls');
const { read, server: creds } = require('./fixtures/pki');
const server = tls.createServer({ ...creds(), allowHalfOpen: true }, (s) => {
  s.setEncoding('utf8');
  let got = '';
  s.on('data', (d) => (got += d));
  s.on('end', () => {
    console.log('server end after', JSON.stringify(got), 'writable', s.writable);
    setTimeout(() => s.end('late answer'), 20);
  });
  s.on('close', () => console.log('server close'));
});
server.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: read('ca.crt'), allowHalfOpen: true }, () => c.end('question'));
  c.setEncoding('utf8');
  c.on('finish', () => console.log('client finish'));
  c.on('data', (d) => console.log('client data', d));
  c.on('end', () => console.log('client end'));
  c.on('close', () => {
    console.log('client close');
    server.close();
  });
});
