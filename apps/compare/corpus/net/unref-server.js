// An unref'd listening server does not keep the process alive.
const net = require('net');
const server = net.createServer();
server.listen(0, '127.0.0.1', () => {
  console.log('listening; unref returns the server:', server.unref() === server);
});
process.on('exit', (code) => console.log('exit', code, 'still listening:', server.listening));
