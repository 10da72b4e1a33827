// isMainThread, threadId and parentPort on each side; a worker's threadId matches its Worker object's.
const wt = require('worker_threads');
console.log('main', wt.isMainThread, wt.threadId, wt.parentPort, wt.workerData);
const w = new wt.Worker(
  `const wt = require('worker_threads'); wt.parentPort.postMessage([wt.isMainThread, wt.threadId, wt.parentPort.constructor.name]);`,
  { eval: true },
);
w.on('message', (m) => console.log('worker', m, m[1] === w.threadId));
