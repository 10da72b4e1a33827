// Messages of every kind keep the order they were sent in: small values, large strings, transferred
// ArrayBuffers, SharedArrayBuffers and Maps, many more than fit in flight at once.
const { Worker, isMainThread, parentPort } = require('worker_threads');
const kinds = 5;
function make(i) {
  switch (i % kinds) {
    case 0:
      return { msg: i };
    case 1:
      return { msg: i, big: 'x'.repeat(10000 + i) };
    case 2: {
      const ab = new Uint32Array([i]).buffer;
      return { msg: i, ab, transfer: [ab] };
    }
    case 3:
      return { msg: i, sab: new SharedArrayBuffer(4) };
    default:
      return { msg: i, map: new Map([[i, String(i)]]), date: new Date(i) };
  }
}
function check(m, expect) {
  if (m.msg !== expect) return `out of order: ${m.msg} for ${expect}`;
  if (expect % kinds === 1 && m.big.length !== 10000 + expect) return 'bad big';
  if (expect % kinds === 2 && new Uint32Array(m.ab)[0] !== expect) return 'bad ab';
  if (expect % kinds === 3 && !(m.sab instanceof SharedArrayBuffer)) return 'bad sab';
  if (expect % kinds === 4 && (m.map.get(expect) !== String(expect) || m.date.getTime() !== expect)) return 'bad map';
  return undefined;
}
const N = 2000;
if (isMainThread) {
  const w = new Worker(__filename);
  let next = 0;
  const problems = [];
  w.on('message', (m) => {
    const p = check(m, next++);
    if (p) problems.push(p);
    if (next === N) {
      console.log('main got', next, 'problems', problems.slice(0, 3));
      for (let i = 0; i < N; i++) {
        const { transfer, ...rest } = make(i);
        w.postMessage(rest, transfer);
      }
    }
  });
  w.on('exit', (code) => console.log('exit', code));
} else {
  for (let i = 0; i < N; i++) {
    const { transfer, ...rest } = make(i);
    parentPort.postMessage(rest, transfer);
  }
  let next = 0;
  const problems = [];
  parentPort.on('message', (m) => {
    const p = check(m, next++);
    if (p) problems.push(p);
    if (next === N) {
      console.log('worker got', next, 'problems', problems.slice(0, 3));
      parentPort.close();
    }
  });
}
