// net: a stack in a server's connection listener, a client's connect
// callback and a socket's data handler, each on node's own frames.
const net = require('net');
const show = (label, err) => console.log(`${label}\n${err.stack.replaceAll(__dirname, '.').replace(/^ {4}at /gm, '    | ')}`);

const server = net.createServer(function onConnection(socket) {
  show('connection', new Error('c'));
  socket.on('data', function onData() {
    show('data', new Error('d'));
    socket.end();
    server.close();
  });
});
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1', function onConnect() {
    show('connect', new Error('k'));
    setTimeout(() => client.end('x'), 5);
  });
});
