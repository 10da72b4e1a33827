// getConnections() counts open sockets; close waits for them to end.
const net = require('net');
const sockets = [];
const server = net.createServer((s) => {
  sockets.push(s);
  if (sockets.length === 2) {
    server.getConnections((err, n) => {
      console.log('with two clients:', err, n);
      server.close(() => console.log('close callback after clients left'));
      console.log('listening after close():', server.listening);
      for (const s of sockets) s.end();
    });
  }
});
server.listen(0, '127.0.0.1', () => {
  server.getConnections((err, n) => console.log('before any client:', err, n));
  let closed = 0;
  for (let i = 0; i < 2; i++) {
    const c = net.connect(server.address().port, '127.0.0.1');
    c.resume();
    c.on('end', () => c.end());
    c.on('close', () => {
      if (++closed === 2) console.log('both clients closed');
    });
  }
});
