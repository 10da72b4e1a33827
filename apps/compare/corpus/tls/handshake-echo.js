// A client and a server: handshake, data both ways, end and close, in order.
const tls = require('tls');
const { read, server: creds } = require('./fixtures/pki');
const events = [];
const server = tls.createServer(creds(), (s) => {
  events.push(`server secureConnection authorized=${s.authorized} encrypted=${s.encrypted}`);
  s.setEncoding('utf8');
  s.on('data', (d) => {
    events.push(`server data ${d}`);
    s.write(d.toUpperCase());
    s.end();
  });
  s.on('end', () => events.push('server end'));
  s.on('close', () => {
    events.push('server close');
    server.close(() => {
      events.push('server closed');
      console.log(events.join('\n'));
    });
  });
});
server.on('connection', () => events.push('server connection'));
server.listen(0, '127.0.0.1', () => {
  const c = tls.connect({ port: server.address().port, host: '127.0.0.1', ca: read('ca.crt') }, () => {
    events.push(`client secureConnect authorized=${c.authorized} error=${c.authorizationError}`);
    c.write('hello');
  });
  c.on('connect', () => events.push('client connect'));
  c.setEncoding('utf8');
  c.on('data', (d) => events.push(`client data ${d}`));
  c.on('end', () => events.push('client end'));
  c.on('close', (hadError) => events.push(`client close ${hadError}`));
});
