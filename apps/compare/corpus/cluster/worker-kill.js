// cluster.worker.kill() in a worker: it tells the primary it leaves on
// purpose (exitedAfterDisconnect), disconnects, and exits with 0; a
// worker-side destroy() twice is still one exit.
const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  const w = cluster.fork();
  const log = [];
  w.on('listening', () => log.push('listening'));
  w.on('disconnect', () => log.push(`disconnect ${w.exitedAfterDisconnect}`));
  w.on('exit', (code, signal) => {
    log.push(`exit ${code} ${signal} ${w.exitedAfterDisconnect}`);
    console.log(log.join('\n'));
  });
} else {
  net.createServer().listen(0, () => {
    cluster.worker.kill();
    cluster.worker.destroy();
    // Still here until the primary has answered.
    process.send(`state ${cluster.worker.state}`);
  });
}
