// A worker's console.log and console.error reach the parent's stdout and stderr through the parent.
const { Worker } = require('worker_threads');
const w = new Worker(
  `
console.log('from worker stdout', { a: 1 });
console.error('from worker stderr');
process.stdout.write('raw write\\n');
`,
  { eval: true },
);
w.on('exit', (code) => console.log('exit', code));
