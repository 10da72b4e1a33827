// MessagePort ping-pong between the main thread and a worker: N round
// trips of a small number, after a warm-up. Prints "rtps=<round trips/s>".
const { Worker, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  const n = Number(process.argv[2] ?? 20000);
  const warm = 1000;
  const w = new Worker(__filename);
  let i = 0;
  let start;
  w.on('message', (m) => {
    if (i === warm) start = process.hrtime.bigint();
    if (++i === warm + n) {
      const s = Number(process.hrtime.bigint() - start) / 1e9;
      console.log(`rtps=${Math.round(n / s)}`);
      w.terminate();
      return;
    }
    w.postMessage(m + 1);
  });
  w.postMessage(0);
} else {
  parentPort.on('message', (m) => parentPort.postMessage(m));
}
