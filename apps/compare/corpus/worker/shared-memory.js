// A SharedArrayBuffer is shared, not copied: Atomics.wait in the worker, Atomics.notify from the main thread.
const { Worker, isMainThread, parentPort, workerData } = require('worker_threads');
if (isMainThread) {
  const sab = new SharedArrayBuffer(8);
  const cells = new Int32Array(sab);
  const w = new Worker(__filename, { workerData: sab });
  w.on('message', (m) => {
    console.log('worker says', m);
    if (m === 'waiting') {
      Atomics.store(cells, 1, 99);
      Atomics.store(cells, 0, 1);
      Atomics.notify(cells, 0);
    }
  });
  w.on('exit', (code) => console.log('exit', code, cells[1]));
} else {
  const cells = new Int32Array(workerData);
  parentPort.postMessage('waiting');
  Atomics.wait(cells, 0, 0);
  parentPort.postMessage('woken, saw ' + Atomics.load(cells, 1));
  cells[1] = 100;
}
