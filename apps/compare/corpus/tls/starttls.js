// STARTTLS: a plain exchange, then both ends upgrade the same connection.
const tls = require('tls');
const net = require('net');
const { read, server: creds } = require('./fixtures/pki');
const context = tls.createSecureContext(creds());
const server = net.createServer((raw) => {
  raw.once('data', (d) => {
    console.log('server plain:', String(d).trim());
    raw.write('220 go ahead\n');
    const secure = new tls.TLSSocket(raw, { isServer: true, secureContext: context, server: undefined });
    secure.on('secure', () => console.log('server secure', secure.getProtocol()));
    secure.setEncoding('utf8');
    secure.on('data', (x) => secure.end(`secret received: ${x}`));
  });
});
server.listen(0, '127.0.0.1', () => {
  const raw = net.connect(server.address().port, '127.0.0.1', () => raw.write('STARTTLS\n'));
  raw.once('data', (d) => {
    console.log('client plain:', String(d).trim());
    const c = tls.connect({ socket: raw, ca: read('ca.crt'), servername: 'localhost' }, () => {
      console.log('client secure', c.authorized, c.encrypted, raw.encrypted);
      c.write('the secret');
    });
    c.setEncoding('utf8');
    c.on('data', (x) => console.log('client:', x));
    c.on('close', () => server.close(() => console.log('closed')));
  });
});
