// Node's errors for bad Worker arguments, thrown by the constructor.
const { Worker } = require('worker_threads');
const tries = [
  ['relative path', () => new Worker('worker.js')],
  ['file URL string', () => new Worker('file:///tmp/x.js')],
  ['number', () => new Worker(42)],
  ['object', () => new Worker({})],
  ['http URL', () => new Worker(new URL('http://example.com/x.js'))],
  ['argv', () => new Worker('1', { eval: true, argv: 'x' })],
  ['execArgv', () => new Worker('1', { eval: true, execArgv: 'x' })],
  ['env', () => new Worker('1', { eval: true, env: 5 })],
  ['name', () => new Worker('1', { eval: true, name: 5 })],
];
for (const [name, f] of tries) {
  try {
    f();
    console.log(name, 'no throw');
  } catch (e) {
    console.log(name, '->', e.name, e.code, e.message);
  }
}
