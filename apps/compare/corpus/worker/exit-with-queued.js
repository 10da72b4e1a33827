// Messages a worker posted before process.exit are all delivered, before 'exit'.
const { Worker } = require('worker_threads');
const w = new Worker(`const { parentPort } = require('worker_threads'); for (let i = 0; i < 100; i++) parentPort.postMessage(i); process.exit(0);`, { eval: true });
let n = 0;
w.on('message', () => n++);
w.on('exit', (code) => console.log('exit', code, 'messages', n));
