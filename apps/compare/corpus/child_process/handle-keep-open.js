// A connection sent with keepOpen stays usable here: the child writes on
// it, then the parent writes and ends it; the client reads both. Without
// keepOpen the parent's socket loses its handle at once.
const { fork } = require('child_process');
const net = require('net');
const path = require('path');
const child = fork(path.join(__dirname, 'fixtures', 'handle-child.js'), ['child']);
const server = net.createServer({ pauseOnConnect: true }, (socket) => {
  child.send({ socket: 'kept', keepOpen: true }, socket, { keepOpen: true });
  console.log('after send: handle kept', socket._handle !== null, 'connections', server._connections);
  child.once('message', (m) => {
    console.log(m);
    socket.end('parent ends it\n');
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let got = '';
  c.on('data', (d) => (got += d));
  c.on('end', () => {
    console.log(JSON.stringify(got));
    c.end();
    server.close(() => {
      console.log('server closed');
      child.send('done');
    });
  });
});
child.on('exit', (code, signal) => console.log('child exit', code, signal));
