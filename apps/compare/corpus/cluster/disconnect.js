// cluster.disconnect(cb) with two listening workers: each closes its
// servers and leaves; exitedAfterDisconnect is true, they exit with 0,
// and the callback comes once all are gone from cluster.workers.
const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  const log = [];
  let listening = 0;
  cluster.on('listening', () => {
    if (++listening < 2) return;
    const [w1, w2] = Object.values(cluster.workers);
    cluster.disconnect(() => {
      log.push(`callback, workers left ${Object.keys(cluster.workers).length}`);
    });
    // The primary lets go of them at once: out of cluster.workers before they have even left.
    log.push(`asked, exitedAfterDisconnect ${w1.exitedAfterDisconnect} ${w2.exitedAfterDisconnect}, in workers ${Object.keys(cluster.workers)}`);
    log.push(`connected ${w1.isConnected()} ${w2.isConnected()} state ${w1.state} ${w2.state}`);
  });
  const exits = {};
  cluster.on('exit', (w, code, signal) => {
    exits[w.id] = `${code} ${signal} ${w.exitedAfterDisconnect} ${w.state}`;
  });
  process.on('exit', () => {
    console.log(log.join('\n'));
    console.log('exits', JSON.stringify(exits));
  });
  cluster.fork();
  cluster.fork();
} else {
  net.createServer().listen(0);
}
