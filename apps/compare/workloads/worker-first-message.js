// From new Worker() to the first message from the worker's script, in a
// process that already runs: the thread's start plus its runtime's boot.
// Prints "ms=<elapsed>".
const { Worker } = require('worker_threads');
const start = process.hrtime.bigint();
const w = new Worker("require('worker_threads').parentPort.postMessage('up')", { eval: true });
w.once('message', () => {
  console.log(`ms=${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(3)}`);
  w.terminate();
});
