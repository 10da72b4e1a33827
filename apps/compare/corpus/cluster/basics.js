// What each side sees: the flags, the scheduling constants, settings
// before and after setupPrimary, cluster.worker, and NODE_UNIQUE_ID
// (present for the worker's startup only). The worker reports to the
// primary, which prints.
const cluster = require('cluster');
const path = require('path');
if (cluster.isPrimary) {
  console.log('primary', cluster.isPrimary, cluster.isMaster, cluster.isWorker);
  console.log('sched', cluster.SCHED_NONE, cluster.SCHED_RR, cluster.schedulingPolicy);
  console.log('settings before', JSON.stringify(cluster.settings));
  console.log('worker in primary', cluster.worker);
  console.log('setupMaster is setupPrimary', cluster.setupMaster === cluster.setupPrimary);
  console.log('workers', JSON.stringify(cluster.workers));
  const w = cluster.fork();
  const s = cluster.settings;
  console.log('settings after', path.basename(s.exec), JSON.stringify(s.args), JSON.stringify(s.execArgv), s.silent);
  console.log('worker', w.id, w.state, w.exitedAfterDisconnect, w instanceof cluster.Worker, typeof w.process.pid);
  console.log('in workers', Object.keys(cluster.workers), cluster.workers[1] === w);
  w.on('message', (m) => {
    console.log('worker says', JSON.stringify(m));
    w.disconnect();
  });
  w.on('exit', (code, signal) => console.log('exit', code, signal, Object.keys(cluster.workers)));
} else {
  process.send({
    flags: [cluster.isPrimary, cluster.isMaster, cluster.isWorker],
    id: cluster.worker.id,
    state: cluster.worker.state,
    isWorker: cluster.worker instanceof cluster.Worker,
    processIsProcess: cluster.worker.process === process,
    uniqueId: process.env.NODE_UNIQUE_ID,
    hasUniqueId: 'NODE_UNIQUE_ID' in process.env,
    fork: typeof cluster.fork,
    settings: typeof cluster.settings,
    connected: cluster.worker.isConnected(),
    dead: cluster.worker.isDead(),
  });
}
