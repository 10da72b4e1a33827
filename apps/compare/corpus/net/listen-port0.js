// A server on port 0 gets a kernel-chosen port: only its type is printed.
const net = require('net');
const server = net.createServer();
console.log('listening before:', server.listening, server.address());
server.on('listening', () => console.log('listening event'));
const ret = server.listen(0, '127.0.0.1', () => {
  const a = server.address();
  console.log('callback, listening:', server.listening);
  console.log('typeof port:', typeof a.port, a.port > 0 && a.port < 65536);
  console.log('address:', a.address, 'family:', a.family);
  console.log('keys:', Object.keys(a).sort().join(','));
  server.close(() => console.log('closed, listening:', server.listening));
});
console.log('listen returns the server:', ret === server);
