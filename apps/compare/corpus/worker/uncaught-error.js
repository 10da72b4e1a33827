// An uncaught exception in a worker: 'error' with the error, then 'exit' 1.
const { Worker } = require('worker_threads');
const w = new Worker(
  `
const e = new RangeError('out of range in worker');
e.extra = 42;
throw e;
`,
  { eval: true },
);
w.on('error', (e) => console.log('error', e instanceof RangeError, e.name, e.message, e.extra));
w.on('exit', (code) => console.log('exit', code));
