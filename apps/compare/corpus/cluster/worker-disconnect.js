// A worker that disconnects itself: its servers close first, the primary
// hears exitedAfterDisconnect before the channel closes, and the worker
// sees its own 'disconnect' and exits on its own.
const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  const w = cluster.fork();
  const log = [];
  w.on('message', (m) => log.push(`message ${JSON.stringify(m)}`));
  w.on('disconnect', () => log.push(`disconnect ${w.exitedAfterDisconnect} ${w.state} in workers ${1 in cluster.workers}`));
  w.on('exit', (code, signal) => {
    log.push(`exit ${code} ${signal} ${w.exitedAfterDisconnect} in workers ${1 in cluster.workers}`);
    console.log(log.join('\n'));
  });
} else {
  const server = net.createServer().listen(0, () => {
    server.on('close', () => process.send('server closed'));
    cluster.worker.on('disconnect', () => {
      // The channel is gone: nothing more can be sent; leaving is the worker's own doing.
      process.exitCode = 0;
    });
    process.send(`state ${cluster.worker.state}`);
    cluster.worker.disconnect();
    process.send(`then ${cluster.worker.state} ${cluster.worker.exitedAfterDisconnect}`);
  });
}
