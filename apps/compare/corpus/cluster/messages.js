// The program's messages and Node's own travel on one channel: the
// program sees only its own, on the worker and on the cluster ('message'
// with the worker first), whatever their shape.
const cluster = require('cluster');
if (cluster.isPrimary) {
  const log = [];
  const w = cluster.fork();
  cluster.on('message', (worker, message, handle) => {
    log.push(`cluster message from ${worker.id}: ${JSON.stringify(message)} ${handle}`);
  });
  w.on('message', (message) => {
    log.push(`worker message: ${JSON.stringify(message)}`);
    if (message === 'last') w.disconnect();
  });
  w.on('online', () => {
    w.send({ cmd: 'hello' });
    w.send('plain');
    w.send([1, 2, 3]);
    w.send({ cmd: 'NODE_looks_internal' });
    w.send('end', (err) => log.push(`send callback ${err}`));
  });
  w.on('exit', (code) => {
    log.push(`exit ${code}`);
    console.log(log.join('\n'));
  });
} else {
  const got = [];
  process.on('message', (m) => {
    got.push(m);
    if (m === 'end') {
      process.send({ got });
      process.send({ cmd: 'NODE_CLUSTER_ish', act: 'online' });
      process.send(42);
      process.send('last');
    }
  });
}
