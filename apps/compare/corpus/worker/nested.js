// A worker can start a worker of its own; messages pass back through both.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename, { workerData: 1 });
  w.on('message', (m) => console.log('main got', m));
  w.on('exit', (code) => console.log('outer exit', code));
} else if (workerData === 1) {
  const inner = new Worker(__filename, { workerData: 2 });
  inner.on('message', (m) => parentPort.postMessage('outer relays ' + m));
  inner.on('exit', (code) => parentPort.postMessage('inner exit ' + code));
} else {
  parentPort.postMessage('hello from depth ' + workerData);
}
