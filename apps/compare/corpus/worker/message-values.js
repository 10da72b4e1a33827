// Numbers and strings of every kind (-0, NaN, lone surrogates, long ones), then
// objects, null, undefined, booleans and a BigInt: each arrives as sent, in order.
const { Worker, isMainThread, parentPort } = require('worker_threads');
if (isMainThread) {
  const values = [0, -0, NaN, Infinity, -1.5, 2 ** 53, '', 'a', 'héllo', '\ud800x', '😀', 'x'.repeat(1024), 'y'.repeat(1025), { a: 1 }, [1, 'two'], null, undefined, true, 10n];
  const w = new Worker(__filename);
  const got = [];
  w.on('message', (m) => {
    got.push(m);
    if (got.length === values.length) {
      for (let i = 0; i < values.length; i++) {
        const a = values[i], b = got[i];
        const same = typeof a === 'object' && a !== null ? JSON.stringify(a) === JSON.stringify(b) : Object.is(a, b);
        if (!same) console.log('differs at', i, a, b);
      }
      console.log('all', values.length, 'checked; -0 kept:', Object.is(got[1], -0), 'lone surrogate kept:', got[9] === '\ud800x');
      w.terminate();
    }
  });
  for (const v of values) w.postMessage(v);
} else {
  parentPort.on('message', (m) => parentPort.postMessage(m));
}
