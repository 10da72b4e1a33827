// An error the runtime itself makes, a refused connection: its stack is the
// one frame node made it in, and its 'error' listener runs on node's frames.
const net = require('net');
const show = (label, err) => console.log(`${label}\n${err.stack.replaceAll(__dirname, '.').replace(/^ {4}at /gm, '    | ')}`);

const closed = net.createServer().listen(0, '127.0.0.1', () => {
  const port = closed.address().port;
  closed.close(() => {
    net.connect(port, '127.0.0.1').on('error', (err) => show('refused', new Error(err.message.replace(/:\d+$/, ':PORT'))));
    net.connect(port, '127.0.0.1').on('error', (err) =>
      console.log(
        err.stack
          .split('\n')
          .slice(1)
          .join('\n')
          .replace(/^ {4}at /gm, '    | '),
      ),
    );
  });
});
