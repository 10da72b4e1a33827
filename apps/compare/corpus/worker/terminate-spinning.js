// terminate() stops a worker spinning in JavaScript.
const { Worker } = require('worker_threads');
const w = new Worker(`require('worker_threads').parentPort.postMessage('spinning'); for (;;) {}`, { eval: true });
w.on('message', (m) => {
  console.log(m);
  w.terminate().then((code) => console.log('terminated', code));
});
w.on('exit', (code) => console.log('exit', code));
