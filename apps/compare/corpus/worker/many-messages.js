// A thousand messages each way arrive complete and in order.
const { Worker, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename);
  let expect = 0;
  w.on('message', (m) => {
    if (m !== expect) console.log('out of order', m, expect);
    expect++;
    if (expect === 1000) {
      console.log('main got 1000 in order');
      for (let i = 0; i < 1000; i++) w.postMessage(i);
    }
  });
  w.on('exit', (code) => console.log('exit', code));
} else {
  for (let i = 0; i < 1000; i++) parentPort.postMessage(i);
  let next = 0;
  parentPort.on('message', (m) => {
    if (m !== next) console.log('worker out of order', m, next);
    if (++next === 1000) {
      console.log('worker got 1000 in order');
      parentPort.close();
    }
  });
}
