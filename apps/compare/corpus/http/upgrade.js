// An Upgrade request: 'upgrade' on the server with the extra bytes, and on
// the client with the socket handed over.
const http = require('http');
const server = http.createServer((req, res) => res.end('plain'));
server.on('upgrade', (req, socket, head) => {
  console.log('server upgrade:', req.headers.upgrade, req.headers.connection, 'head', JSON.stringify(head.toString()));
  socket.write('HTTP/1.1 101 Switching Protocols\r\nUpgrade: echo\r\nConnection: Upgrade\r\n\r\nwelcome;');
  socket.on('data', (d) => socket.write(d));
  socket.on('end', () => socket.end());
});
server.listen(0, '127.0.0.1', () => {
  const req = http.request({ host: '127.0.0.1', port: server.address().port, headers: { Connection: 'Upgrade', Upgrade: 'echo' } });
  req.on('upgrade', (res, socket, head) => {
    console.log('client upgrade:', res.statusCode, res.statusMessage, res.headers.upgrade, 'head', JSON.stringify(head.toString()));
    let got = '';
    socket.on('data', (d) => {
      got += d;
      if (got === 'ping') socket.end();
    });
    socket.on('close', () => {
      console.log('client echoed:', got);
      server.close();
    });
    socket.write('ping');
  });
  req.end();
});
