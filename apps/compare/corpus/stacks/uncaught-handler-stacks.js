// Errors thrown from callbacks reach an uncaughtException handler with
// node's frames below them: a timer, an immediate, an fs callback and a
// socket's data, one after the other.
const fs = require('fs');
const net = require('net');
const steps = [
  () =>
    setTimeout(() => {
      throw new Error('from a timer');
    }, 1),
  () =>
    setImmediate(() => {
      throw new Error('from an immediate');
    }),
  () =>
    fs.readFile(__filename, () => {
      throw new Error('from fs.readFile');
    }),
  () => {
    const server = net.createServer((socket) => {
      socket.on('data', () => {
        socket.destroy();
        server.close();
        throw new Error('from socket data');
      });
    });
    server.listen(0, '127.0.0.1', () =>
      net.connect(server.address().port, '127.0.0.1', function () {
        this.end('x');
      }),
    );
  },
];
process.on('uncaughtException', (err) => {
  console.log(err.stack.replaceAll(__dirname, '.').replace(/^ {4}at /gm, '    | '));
  steps.shift()?.();
});
steps.shift()();
