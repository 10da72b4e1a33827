// A listening server sent to a child: the child accepts on it too, and
// once the parent closes its own copy every connection reaches the child.
const { fork } = require('child_process');
const net = require('net');
const path = require('path');
const execPath = process.argv[2] === 'node' ? 'node' : process.execPath;
const child = fork(path.join(__dirname, 'fixtures', 'handle-child.js'), [], { execPath });
const server = net.createServer((s) => s.end('parent answers'));
function ask(port) {
  return new Promise((resolve) => {
    const c = net.connect(port, '127.0.0.1');
    let got = '';
    c.on('data', (d) => (got += d));
    c.on('end', () => resolve(got));
  });
}
server.listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  console.log('send returned', child.send('server', server, (err) => console.log('send callback', err)));
  child.once('message', async (m) => {
    console.log(m, '| parent still listening:', server.listening);
    server.close(() => console.log('parent server closed'));
    for (let i = 0; i < 3; i++) console.log(await ask(port));
    child.send('done');
  });
});
child.on('exit', (code, signal) => console.log('child exit', code, signal));
