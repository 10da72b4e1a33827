// A worker has its own loop: timers, immediates, ticks and fs callbacks run in Node's order there too.
const { Worker } = require('worker_threads');
const w = new Worker(
  `
const order = [];
const { parentPort } = require('worker_threads');
setTimeout(() => order.push('timeout'), 0);
setImmediate(() => order.push('immediate'));
process.nextTick(() => order.push('tick'));
Promise.resolve().then(() => order.push('promise'));
require('fs').readFile(__filename === '[worker eval]' ? process.execPath : __filename, () => {
  order.push('readFile');
  setImmediate(() => { order.push('immediate after io'); parentPort.postMessage(order); });
  setTimeout(() => order.push('never: posted before'), 50);
});
`,
  { eval: true },
);
w.on('message', (m) => {
  console.log(m.filter((x) => x !== 'timeout' && x !== 'immediate').join(' '));
  w.terminate();
});
