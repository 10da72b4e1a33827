// 'clientError': the parse error's code, and a custom answer on the socket.
const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => res.end('ok'));
server.on('clientError', (err, socket) => {
  console.log('clientError:', err.code, JSON.stringify(err.message), 'reason', JSON.stringify(err.reason), 'rawPacket', Buffer.isBuffer(err.rawPacket) ? JSON.stringify(err.rawPacket.toString()) : err.rawPacket);
  console.log('bytesParsed', err.bytesParsed, 'socket writable', socket.writable);
  socket.end('HTTP/1.1 400 Custom\r\nConnection: close\r\n\r\n');
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.write('BR@KEN / HTTP/1.1\r\n\r\n');
  let out = '';
  c.on('data', (d) => (out += d));
  c.on('close', () => {
    console.log('client got', JSON.stringify(out));
    server.close();
  });
});
