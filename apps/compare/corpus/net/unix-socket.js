// A server on a Unix socket in the temp dir: address() is the path.
const net = require('net');
const os = require('os');
const path = require('path');
const file = path.join(os.tmpdir(), `mini-corpus-${process.pid}.sock`);
const shown = (p) => path.basename(p).replace(String(process.pid), 'PID');
const server = net.createServer((s) => {
  console.log('server: remoteAddress', JSON.stringify(s.remoteAddress));
  s.end('hello over unix');
});
server.listen(file, () => {
  const a = server.address();
  console.log('address type:', typeof a, 'basename:', shown(a));
  const c = net.connect(file);
  c.setEncoding('utf8');
  c.on('connect', () => console.log('client: connect, remoteAddress', JSON.stringify(c.remoteAddress), 'address()', JSON.stringify(c.address())));
  c.on('data', (d) => console.log('client: data', d));
  c.on('close', () => server.close(() => console.log('server closed')));
});
