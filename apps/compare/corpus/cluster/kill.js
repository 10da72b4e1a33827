// worker.kill(): SIGTERM by default, or the signal given. The exit comes
// with the signal and no code; a killed worker did not leave by
// disconnecting, and it is dead and disconnected after.
const cluster = require('cluster');
if (cluster.isPrimary) {
  const log = [];
  const forked = [cluster.fork(), cluster.fork()];
  let online = 0;
  cluster.on('online', () => {
    if (++online < 2) return;
    forked[0].kill();
    forked[1].kill('SIGKILL');
  });
  // 'exit' and 'disconnect' race for a killed worker: the report waits for both of each.
  let ended = 0;
  const end = () => {
    if (++ended < 4) return;
    setImmediate(() => {
      console.log(log.filter(Boolean).join('\n'));
      for (const w of forked) console.log(`after ${w.id} dead=${w.isDead()} connected=${w.isConnected()}`);
      console.log('workers left', Object.keys(cluster.workers).length);
      console.log('signalCode', forked[0].process.signalCode, forked[1].process.signalCode);
    });
  };
  cluster.on('exit', (w, code, signal) => {
    log[w.id] = `exit ${w.id} ${code} ${signal} dead=${w.isDead()} after=${w.exitedAfterDisconnect}`;
    end();
  });
  cluster.on('disconnect', end);
} else {
  setInterval(() => {}, 1000);
}
