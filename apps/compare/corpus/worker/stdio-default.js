// A worker's console.log and console.error reach the parent's stdout and stderr through the parent.
const { Worker } = require('worker_threads');
const w = new Worker(
  `
console.log('from worker stdout', { a: 1 });
console.error('from worker stderr');
process.stdout.write('raw write\\n');
require('worker_threads').parentPort.postMessage('done');
`,
  { eval: true },
);
w.on('message', () => setTimeout(() => console.log('parent after message'), 20));
w.on('exit', (code) => console.log('exit', code));
