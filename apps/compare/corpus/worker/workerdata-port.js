// A MessagePort can go in workerData with transferList; the worker answers
// on it, and ends once the main thread has said it got the answer (so the
// order of the lines does not depend on how fast either thread runs).
const { Worker, MessageChannel, isMainThread, workerData } = require('worker_threads');
if (isMainThread) {
  const { port1, port2 } = new MessageChannel();
  const w = new Worker(__filename, { workerData: { port: port2, tag: 'wd' }, transferList: [port2] });
  port1.once('message', (m) => {
    console.log('got on port1', m);
    port1.postMessage('bye');
    port1.close();
  });
  w.on('exit', (code) => console.log('exit', code));
} else {
  const { port, tag } = workerData;
  port.on('message', (m) => {
    if (m === 'bye') port.close();
  });
  port.postMessage('answer via ' + tag);
}
