// TLS over a plain JS stream pair: a TLSSocket wrapping a Duplex that is not a net.Socket.
const tls = require('tls');
const { Duplex, PassThrough } = require('stream');
const { read, server: creds } = require('./fixtures/pki');
const aToB = new PassThrough();
const bToA = new PassThrough();
const side = (readable, writable) =>
  new Duplex({
    read() {},
    write(chunk, enc, cb) {
      writable.write(chunk, cb);
    },
    final(cb) {
      writable.end();
      cb();
    },
  });
const a = side(bToA, aToB);
const b = side(aToB, bToA);
bToA.on('data', (d) => a.push(d));
bToA.on('end', () => a.push(null));
aToB.on('data', (d) => b.push(d));
aToB.on('end', () => b.push(null));
const server = new tls.TLSSocket(b, { isServer: true, secureContext: tls.createSecureContext(creds()) });
server.on('secure', () => console.log('server secure', server.getProtocol()));
server.setEncoding('utf8');
server.on('data', (d) => server.end(`echo ${d}`));
const client = tls.connect({ socket: a, ca: read('ca.crt'), servername: 'localhost' }, () => {
  console.log('client secure', client.authorized);
  client.write('over streams');
});
client.setEncoding('utf8');
client.on('data', (d) => console.log('client got', d));
client.on('end', () => console.log('client end'));
