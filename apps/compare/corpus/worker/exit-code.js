// process.exitCode in a worker becomes the code of its 'exit' event.
const { Worker } = require('worker_threads');
const w = new Worker('process.exitCode = 7;', { eval: true });
w.on('exit', (code) => {
  console.log('exit', code);
  const v = new Worker('setTimeout(() => {}, 5)', { eval: true });
  v.on('exit', (c) => console.log('plain exit', c));
});
