// An exception thrown from a timer in a worker ends it as one at the top level does.
const { Worker } = require('worker_threads');
const w = new Worker(`setTimeout(() => { throw new TypeError('late') }, 5);`, { eval: true });
w.on('error', (e) => console.log('error', e.name, e.message));
w.on('exit', (code) => console.log('exit', code));
