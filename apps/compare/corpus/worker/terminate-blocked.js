// terminate() ends a worker that waits on a long timer (blocked in its loop's wait) and resolves with 1.
const { Worker } = require('worker_threads');
const w = new Worker(`require('worker_threads').parentPort.postMessage('waiting'); setTimeout(() => {}, 60000);`, { eval: true });
const start = Date.now();
w.on('message', async (m) => {
  console.log(m);
  const code = await w.terminate();
  console.log('terminated', code, Date.now() - start < 20000);
});
w.on('exit', (code) => console.log('exit', code));
