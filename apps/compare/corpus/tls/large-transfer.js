// Four megabytes each way through TLS records, checked by hash.
const tls = require('tls');
const crypto = require('crypto');
const { read, server: creds } = require('./fixtures/pki');
const size = 4 * 1024 * 1024;
const payload = crypto.createHash('sha512').update('seed').digest();
const big = Buffer.alloc(size);
for (let i = 0; i < size; i += payload.length) payload.copy(big, i);
const hash = (b) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 16);
console.log('sent', hash(big));
const server = tls.createServer(creds(), (s) => {
  const chunks = [];
  s.on('data', (d) => chunks.push(d));
  s.on('end', () => {
    const got = Buffer.concat(chunks);
    console.log('server got', got.length, hash(got));
    s.end(got);
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: read('ca.crt') }, () => {
    for (let i = 0; i < size; i += 65536) c.write(big.subarray(i, i + 65536));
    c.end();
  });
  const chunks = [];
  c.on('data', (d) => chunks.push(d));
  c.on('end', () => {
    const got = Buffer.concat(chunks);
    console.log('client got', got.length, hash(got));
    server.close();
  });
});
