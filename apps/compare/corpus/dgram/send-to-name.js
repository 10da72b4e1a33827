// dgram resolves a destination name with dns.lookup, in the socket's family.
const dgram = require('dgram');
const receiver = dgram.createSocket('udp4');
receiver.on('message', (msg, rinfo) => {
  console.log('received', String(msg), rinfo.address, rinfo.family);
  receiver.close();
  sender.close();
});
const sender = dgram.createSocket({ type: 'udp4', lookup: undefined });
receiver.bind(0, 'localhost', () => {
  console.log('bound to', receiver.address().address);
  sender.send('via a name', receiver.address().port, 'localhost', (err, bytes) => console.log('sent', err, bytes));
});
