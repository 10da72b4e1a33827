// workerData in, messages both ways, then the worker ends on its own.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename, { workerData: { n: 41, list: [1, 2, 3], when: new Date(0) } });
  w.on('online', () => console.log('online'));
  w.on('message', (m) => {
    console.log('parent got', m);
    w.postMessage('bye');
  });
  w.on('exit', (code) => console.log('exit', code));
} else {
  console.log('worker has', workerData);
  parentPort.postMessage({ answer: workerData.n + 1, sum: workerData.list.reduce((a, b) => a + b), iso: workerData.when.toISOString() });
  parentPort.once('message', (m) => {
    console.log('worker got', m);
    parentPort.close();
  });
}
