// A syntax error in the worker's code: 'online', 'error' (SyntaxError), then 'exit' 1.
const { Worker } = require('worker_threads');
const w = new Worker('let let = 1;', { eval: true });
w.on('online', () => console.log('online'));
w.on('error', (e) => console.log('error', e.name, e.message));
w.on('exit', (code) => console.log('exit', code));
