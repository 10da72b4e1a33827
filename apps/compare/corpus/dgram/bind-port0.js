// bind(0) on 127.0.0.1: 'listening', then address() with a kernel port.
const dgram = require('dgram');
const s = dgram.createSocket('udp4');
s.on('listening', () => {
  const a = s.address();
  console.log('listening: address', a.address, 'family', a.family, 'typeof port', typeof a.port, a.port > 0);
  console.log('keys:', Object.keys(a).sort().join(','));
  s.close(() => console.log('closed'));
});
const ret = s.bind(0, '127.0.0.1', () => console.log('bind callback'));
console.log('bind returns the socket:', ret === s);
