// A MessagePort sent to a worker: the two talk directly; the original object is unusable.
const { Worker, MessageChannel, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename);
  const { port1, port2 } = new MessageChannel();
  w.postMessage({ hello: 'port', port: port2 }, [port2]);
  port2.postMessage('into the void');
  port1.on('message', (m) => {
    console.log('port1 got', m);
    if (m === 'done') port1.close();
    else if (typeof m === 'number') port1.postMessage(m * 2);
  });
  port1.on('close', () => console.log('port1 close'));
  w.on('exit', (code) => console.log('exit', code));
} else {
  parentPort.once('message', ({ hello, port }) => {
    port.postMessage(`worker got ${hello} as a ${port.constructor.name}`);
    let n = 0;
    port.on('message', (m) => {
      if (++n === 3) port.postMessage('done');
      else port.postMessage(m + 1);
    });
    port.on('close', () => parentPort.close());
    port.postMessage(1);
  });
}
