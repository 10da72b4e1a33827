// terminate() after the worker ended resolves with undefined; threadId becomes -1.
const { Worker } = require('worker_threads');
const w = new Worker('1', { eval: true });
console.log('threadId is a number', typeof w.threadId === 'number' && w.threadId > 0);
w.on('exit', async (code) => {
  console.log('exit', code, w.threadId);
  console.log('terminate again', await w.terminate());
});
