// Server events, maxConnections, and connecting to a server that then closes.
const net = require('net');
const server = net.createServer();
server.maxConnections = 1;
const log = [];
server.on('connection', () => log.push('connection'));
server.on('drop', (d) => log.push('drop ' + (d && d.localAddress)));
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const a = net.connect(port, '127.0.0.1', () => {
    log.push('a connected');
    const b = net.connect(port, '127.0.0.1');
    b.on('error', (e) => log.push('b error ' + e.code));
    b.on('close', () => {
      log.push('b closed');
      a.end();
    });
    b.resume();
  });
  a.resume();
  a.on('close', () => {
    // Wait for the server-side socket to finish closing too.
    server.close(() => {
      console.log(log.join('\n'));
      console.log('maxConnections', server.maxConnections);
    });
  });
});
server.on('connection', (s) => s.on('end', () => s.end()));
