// A transferred ArrayBuffer is detached on the sender and whole on the receiver; an untransferred one is copied.
const { Worker, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  const w = new Worker(__filename);
  const moved = new Uint8Array([1, 2, 3, 4]).buffer;
  const copied = new Uint8Array([9, 9]);
  w.postMessage({ moved, copied }, [moved]);
  console.log('after post', moved.byteLength, copied.length);
  w.on('message', (m) => {
    console.log('back', m.byteLength, [...new Uint8Array(m)]);
    w.terminate();
  });
} else {
  parentPort.once('message', ({ moved, copied }) => {
    console.log('worker got', [...new Uint8Array(moved)], [...copied]);
    const out = new Uint8Array([5, 6]).buffer;
    parentPort.postMessage(out, [out]);
  });
}
