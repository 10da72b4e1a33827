// Connecting to a closed port: the error's fields.
const net = require('net');
const c = net.connect(1, '127.0.0.1');
c.on('connect', () => console.log('unexpected connect'));
c.on('error', (e) => {
  console.log('name:', e.name);
  console.log('message:', e.message);
  console.log('code:', e.code, 'errno:', e.errno, 'syscall:', e.syscall);
  console.log('address:', e.address, 'port:', e.port);
  console.log('instanceof Error:', e instanceof Error);
  console.log('own keys:', Object.keys(e).sort().join(','));
});
c.on('close', (hadError) => console.log('close', hadError, 'destroyed:', c.destroyed));
