// stdin: true: what the parent writes to worker.stdin is the worker's process.stdin.
const { Worker } = require('worker_threads');
const w = new Worker(
  `
let got = '';
process.stdin.setEncoding('utf8');
process.stdin.on('data', (d) => (got += d));
process.stdin.on('end', () => require('worker_threads').parentPort.postMessage('worker read ' + JSON.stringify(got)));
`,
  { eval: true, stdin: true },
);
console.log('stdin is writable', typeof w.stdin.write);
w.stdin.write('hello ');
w.stdin.end('world');
w.on('message', (m) => console.log(m));
w.on('exit', (code) => console.log('exit', code));
const plain = new Worker('1', { eval: true });
console.log('no stdin option', plain.stdin);
