// Node's docs example: a server accepts with pauseOnConnect and hands each
// connection to one of two children, 'normal' or 'special'. The server
// counts the connections the children still hold, and its close() waits
// until they say all are closed.
const { fork } = require('child_process');
const net = require('net');
const path = require('path');
const execPath = process.argv[2] === 'node' ? 'node' : process.execPath;
const script = path.join(__dirname, 'fixtures', 'handle-child.js');
const normal = fork(script, ['normal'], { execPath });
const special = fork(script, ['special'], { execPath });
let n = 0;
const server = net.createServer({ pauseOnConnect: true }, (socket) => {
  const i = n++;
  const before = server._connections;
  (i % 2 ? special : normal).send({ socket: i }, socket);
  console.log(`sent ${i}: connections ${before} -> ${server._connections}, handle ${socket._handle}`);
});
function ask(port) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    let got = '';
    c.on('data', (d) => (got += d));
    c.on('end', () => resolve(got.trim()));
  });
}
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  for (let i = 0; i < 4; i++) console.log(await ask(port));
  server.close(() => {
    console.log('server closed');
    // One after the other, so that the exits print in a fixed order.
    normal.send('done');
    normal.on('exit', (code) => {
      console.log('normal exit', code);
      special.send('done');
    });
  });
});
special.on('exit', (code) => console.log('special exit', code));
