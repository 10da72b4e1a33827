// process.exit() in a worker ends only the worker, with its code; its 'exit' listeners run.
const { Worker } = require('worker_threads');
const w = new Worker(
  `
process.on('exit', (code) => require('worker_threads').parentPort.postMessage('worker exit event ' + code));
require('worker_threads').parentPort.postMessage('before');
process.exit(5);
`,
  { eval: true },
);
w.on('message', (m) => console.log(m));
w.on('exit', (code) => {
  console.log('exit', code);
  setTimeout(() => console.log('main still running'), 10);
});
