// exclusive: true binds in the worker itself: two workers asking for port
// 0 get two ports, and a port another process holds fails in 'listen',
// not 'bind'.
const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  const blocker = net.createServer().listen(0, '127.0.0.1', () => {
    const got = {};
    const events = [];
    cluster.on('listening', (w) => events.push(`listening ${w.id}`));
    for (let i = 0; i < 2; i++) {
      const w = cluster.fork({ TAKEN: blocker.address().port });
      w.on('message', (m) => {
        got[w.id] = m;
        if (Object.keys(got).length === 2) {
          console.log('two ports', got[1].port !== got[2].port, got[1].port > 0, got[2].port > 0);
          console.log('errors', JSON.stringify(got[1].err), JSON.stringify(got[2].err));
          console.log('listening events', events.length);
          blocker.close();
          cluster.disconnect();
        }
      });
    }
  });
} else {
  const s = net.createServer();
  s.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
    const t = net.createServer();
    t.on('error', (e) => {
      process.send({ port: s.address().port, err: [e.code, e.syscall, e.message.replace(/\d+$/, 'PORT')] });
      // Not the primary's: a disconnect does not close it.
      s.close();
    });
    t.listen({ port: Number(process.env.TAKEN), host: '127.0.0.1', exclusive: true });
  });
}
