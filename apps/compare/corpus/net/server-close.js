// server.close(): callbacks, the 'close' event, and closing twice.
const net = require('net');
const server = net.createServer();
server.on('close', () => console.log('close event'));
server.close((err) => console.log('close before listen:', err && err.code, err && err.message));
server.listen(0, '127.0.0.1', () => {
  console.log('listening');
  server.close((err) => console.log('first close callback, err:', err));
  console.log('listening after close():', server.listening);
  server.close((err) => console.log('second close callback:', err && err.code));
});
