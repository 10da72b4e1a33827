// A connected socket sends without an address; remoteAddress() shows the peer.
const dgram = require('dgram');
const server = dgram.createSocket('udp4');
const client = dgram.createSocket('udp4');
server.on('message', (msg) => {
  console.log('server got', msg.toString());
  server.close();
  client.close();
});
server.bind(0, '127.0.0.1', () => {
  const port = server.address().port;
  client.connect(port, '127.0.0.1', () => {
    console.log('connect callback');
    const r = client.remoteAddress();
    console.log('remoteAddress:', r.address, r.family, r.port === port, Object.keys(r).sort().join(','));
    client.send('no address needed', (err, bytes) => console.log('sent', err, bytes));
  });
  client.on('connect', () => console.log('connect event'));
});
