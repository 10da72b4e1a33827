// A MessagePort can go in workerData with transferList; the worker answers on it.
const { Worker, MessageChannel, isMainThread, workerData } = require('worker_threads');
if (isMainThread) {
  const { port1, port2 } = new MessageChannel();
  const w = new Worker(__filename, { workerData: { port: port2, tag: 'wd' }, transferList: [port2] });
  port1.once('message', (m) => {
    console.log('got on port1', m);
    port1.close();
  });
  w.on('exit', (code) => console.log('exit', code));
} else {
  workerData.port.postMessage('answer via ' + workerData.tag);
  workerData.port.close();
}
