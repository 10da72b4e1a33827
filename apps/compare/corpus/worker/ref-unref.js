// An unref'd worker does not keep the process alive; ref() makes it count again.
const { Worker } = require('worker_threads');
const forever = new Worker('setInterval(() => {}, 1000)', { eval: true });
forever.unref();
const w = new Worker(`require('worker_threads').parentPort.postMessage('hi'); setTimeout(() => {}, 30)`, { eval: true });
w.unref();
w.ref();
w.on('message', (m) => console.log('message', m));
w.on('exit', (code) => console.log('ref worker exit', code));
process.on('exit', () => console.log('process exit while the unref worker runs'));
