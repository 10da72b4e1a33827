// A worker closes its server: the primary lets go of the socket (the port
// is free again, so anyone may bind it), and a new listen on the same port
// from the worker works and answers.
const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  const w = cluster.fork();
  const log = [];
  // Its own line at the end: the notice races the answer to the connection.
  const listening = [];
  w.on('listening', (a) => listening.push(`${a.address} ${a.addressType}`));
  w.on('message', (m) => {
    log.push(`worker: ${m.step}`);
    if (m.step === 'closed') {
      // The primary held it: now it binds here.
      const probe = net.createServer().listen(m.port, '127.0.0.1', () => {
        log.push('primary could bind it');
        probe.close(() => w.send('again'));
      });
      probe.on('error', (e) => log.push(`primary: ${e.code}`));
    } else if (m.step === 'listening again') {
      net.connect(m.port, '127.0.0.1', function () {
        this.on('data', (d) => {
          log.push(`answer ${d}`);
          w.disconnect();
        });
      });
    }
  });
  w.on('exit', (code) => {
    log.push(`exit ${code}`);
    console.log(log.join('\n'));
    console.log('listening events', JSON.stringify(listening));
  });
} else {
  const server = net.createServer((s) => s.end('hello again'));
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address();
    server.close(() => {
      process.send({ step: 'closed', port, listening: server.listening });
      process.once('message', () => {
        server.listen(port, '127.0.0.1', () => process.send({ step: 'listening again', port }));
      });
    });
  });
}
