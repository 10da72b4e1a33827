// What the module and a Worker look like on each side: own keys in Node's
// order, the Worker's first lines in util.inspect, the worker side's
// internal hooks.
const cluster = require('cluster');
const util = require('util');
if (cluster.isPrimary) {
  console.log('primary keys', Object.keys(cluster).join(','));
  const w = cluster.fork();
  console.log('worker keys', Object.keys(w).join(','));
  console.log(util.inspect(w, { depth: 0 }).split('\n').slice(0, 6).join('\n'));
  console.log('prototype', Object.getOwnPropertyNames(cluster.Worker.prototype).sort().join(','));
  w.on('message', (m) => {
    console.log('in the worker', m);
    w.disconnect();
  });
} else {
  process.send(
    [Object.keys(cluster).join(','), Object.keys(cluster.worker).join(','), typeof cluster._getServer, typeof cluster._setupWorker].join(' / '),
  );
}
