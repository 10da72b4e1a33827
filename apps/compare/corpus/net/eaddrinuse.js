// A second server on a port already taken: 'error' with EADDRINUSE.
const net = require('net');
const first = net.createServer();
first.listen(0, '127.0.0.1', () => {
  const port = first.address().port;
  const second = net.createServer();
  second.on('listening', () => console.log('unexpected listening'));
  second.on('error', (e) => {
    console.log('code:', e.code, 'errno:', e.errno, 'syscall:', e.syscall);
    console.log('message:', e.message.replace(String(port), 'PORT'));
    console.log('address:', e.address, 'port is ours:', e.port === port);
    console.log('second listening:', second.listening);
    first.close(() => console.log('first closed'));
  });
  second.listen(port, '127.0.0.1');
});
