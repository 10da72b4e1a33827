// An http server reads its sockets itself: the socket emits no 'data' of its
// own while only the server listens, and a 'data' listener added later gets
// the bytes that follow, as with node's consumed sockets.
const http = require('http');
const net = require('net');
const seen = [];
const server = http.createServer((req, res) => {
  const socket = req.socket;
  seen.push(`request ${req.url} readableDidRead=${socket.readableDidRead} listeners=${socket.listenerCount('data')}`);
  if (req.url === '/second') {
    socket.on('data', (d) => seen.push(`user data ${JSON.stringify(d.toString().split('\r\n')[0])}`));
  }
  res.end(req.url);
});
server.on('connection', (socket) => {
  const emit = socket.emit;
  socket.emit = function (event, ...args) {
    if (event === 'data') seen.push('socket emitted data');
    return emit.call(this, event, ...args);
  };
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let got = '';
  const paths = ['/first', '/second', '/third'];
  const next = () => c.write(`GET ${paths.shift()} HTTP/1.1\r\nHost: x\r\n\r\n`);
  c.on('data', (d) => {
    got += d;
    const n = (got.match(/HTTP\/1\.1 200/g) || []).length;
    if (n === 3 - paths.length && paths.length > 0) next();
    else if (n === 3) c.end();
  });
  c.on('close', () => {
    server.close();
    for (const line of seen) console.log(line);
  });
  next();
});
