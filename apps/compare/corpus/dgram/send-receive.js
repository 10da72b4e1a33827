// A datagram to ourselves on 127.0.0.1: the message and its rinfo.
const dgram = require('dgram');
const server = dgram.createSocket('udp4');
const client = dgram.createSocket('udp4');
server.on('message', (msg, rinfo) => {
  console.log('message:', Buffer.isBuffer(msg), JSON.stringify(msg.toString()));
  console.log('rinfo keys:', Object.keys(rinfo).sort().join(','));
  console.log('rinfo:', rinfo.address, rinfo.family, rinfo.size, typeof rinfo.port);
  console.log('from the client port:', rinfo.port === client.address().port);
  server.send('pong', rinfo.port, rinfo.address);
});
client.on('message', (msg, rinfo) => {
  console.log('client got', msg.toString(), 'size', rinfo.size);
  client.close();
  server.close();
});
server.bind(0, '127.0.0.1', () => {
  client.send('ping', server.address().port, '127.0.0.1', (err, bytes) => console.log('send callback', err, bytes));
});
