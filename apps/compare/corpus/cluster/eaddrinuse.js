// EADDRINUSE comes to the worker that asked, as a 'bind' error: a port the
// primary itself holds, and a second server in one worker on its own port.
const cluster = require('cluster');
const net = require('net');
const show = (e) => ({ code: e.code, errno: e.errno, syscall: e.syscall, message: e.message.replace(/\d{4,5}/, 'PORT'), address: e.address, port: typeof e.port });
if (cluster.isPrimary) {
  const blocker = net.createServer().listen(0, '127.0.0.1', () => {
    const taken = blocker.address().port;
    const probe = net.createServer().listen(0, () => {
      const free = probe.address().port;
      probe.close(() => {
        const w = cluster.fork({ TAKEN: taken, FREE: free });
        const log = [];
        w.on('message', (m) => {
          log.push(JSON.stringify(m));
          if (m.done) w.disconnect();
        });
        w.on('listening', (a) => log.push(`listening ${a.port === free}`));
        w.on('exit', (code) => {
          blocker.close();
          console.log(log.join('\n'));
          console.log('exit', code);
        });
      });
    });
  });
} else {
  const a = net.createServer();
  a.on('error', (e) => {
    process.send({ taken: show(e), listening: a.listening });
    const b = net.createServer().listen(Number(process.env.FREE), () => {
      const c = net.createServer();
      c.on('error', (e2) => process.send({ second: show(e2), done: true }));
      c.listen(Number(process.env.FREE), () => process.send({ second: 'listening', done: true }));
    });
  });
  a.listen(Number(process.env.TAKEN), '127.0.0.1');
}
