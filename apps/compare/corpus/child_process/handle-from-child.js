// process.send(message, server) from the child: the parent gets a listening
// server and, once the child has closed its copy and exited, answers alone.
const { fork } = require('child_process');
const net = require('net');
const path = require('path');
const child = fork(path.join(__dirname, 'fixtures', 'handle-up-child.js'), [], {
  execPath: process.argv[2] === 'node' ? 'node' : process.execPath,
});
child.on('message', (m, server) => {
  console.log('parent got', typeof m.port, server.constructor.name, server.listening);
  server.on('connection', (s) => s.end('answered by the parent'));
  child.on('exit', (code) => {
    console.log('child exit', code);
    const c = net.connect(m.port, '127.0.0.1');
    let got = '';
    c.on('data', (d) => (got += d));
    c.on('end', () => {
      console.log(got);
      server.close(() => console.log('parent closed it'));
    });
  });
});
