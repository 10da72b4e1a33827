// readFile refuses bad arguments synchronously; an aborted signal fails
// later, through the callback, with an AbortError.
const fs = require('fs');
const cb = () => console.log('callback must not run');
const tries = [
  ['no callback', () => fs.readFile(__filename)],
  ['callback not a function', () => fs.readFile(__filename, {}, 'nope')],
  ['fractional number path', () => fs.readFile(1.5, cb)],
  ['NUL in path', () => fs.readFile('x\u0000y', cb)],
  ['bad encoding', () => fs.readFile(__filename, 'klingon', cb)],
  ['options a number', () => fs.readFile(__filename, 7, cb)],
  ['bad flag', () => fs.readFile(__filename, { flag: 'zz' }, cb)],
  ['signal not a signal', () => fs.readFile(__filename, { signal: {} }, cb)],
];
for (const [label, fn] of tries) {
  try {
    fn();
    console.log(label, 'did not throw');
  } catch (e) {
    console.log(label, '|', e.name, e.code, '|', e.message);
  }
}
const ac = new AbortController();
ac.abort();
fs.readFile(__filename, { signal: ac.signal }, (err, data) => {
  console.log('aborted', data, err.name, err.code, err.message, err.cause === ac.signal.reason);
});
process.nextTick(() => console.log('tick before the abort is reported'));
