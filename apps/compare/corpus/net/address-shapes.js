// address(), localAddress/remoteAddress and friends on both ends.
const net = require('net');
const server = net.createServer((s) => {
  console.log('server side: localAddress', s.localAddress, 'localFamily', s.localFamily, 'remoteAddress', s.remoteAddress, 'remoteFamily', s.remoteFamily);
  console.log('server side: localPort is the server port:', s.localPort === server.address().port, 'typeof remotePort', typeof s.remotePort);
  s.end();
});
server.listen({ port: 0, host: '127.0.0.1' }, () => {
  const c = new net.Socket();
  console.log('unconnected: address()', JSON.stringify(c.address()), 'remoteAddress', c.remoteAddress, 'remotePort', c.remotePort, 'readyState', c.readyState, 'pending', c.pending);
  c.connect(server.address().port, '127.0.0.1', () => {
    const a = c.address();
    console.log('client address(): keys', Object.keys(a).sort().join(','), 'address', a.address, 'family', a.family);
    console.log('client: remoteAddress', c.remoteAddress, 'remoteFamily', c.remoteFamily, 'remotePort matches:', c.remotePort === server.address().port);
    console.log('client: readyState', c.readyState, 'pending', c.pending, 'connecting', c.connecting);
  });
  console.log('connecting: readyState', c.readyState, 'pending', c.pending, 'connecting', c.connecting);
  c.resume();
  c.on('close', () => server.close(() => console.log('server address() after close:', server.address())));
});
