// stdout: true and stderr: true give the worker's output to the parent as streams, not to its stdout.
const { Worker } = require('worker_threads');
const w = new Worker(`console.log('line one'); console.log('line two'); console.error('oops');`, { eval: true, stdout: true, stderr: true });
let out = '';
let err = '';
w.stdout.setEncoding('utf8').on('data', (d) => (out += d));
w.stderr.setEncoding('utf8').on('data', (d) => (err += d));
w.stdout.on('end', () => console.log('stdout ended'));
w.on('exit', (code) => {
  setImmediate(() => console.log('exit', code, JSON.stringify(out), JSON.stringify(err)));
});
