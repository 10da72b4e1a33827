// Arguments Node refuses before any I/O: thrown synchronously, Node's codes and texts.
const fs = require('fs');
const cb = () => console.log('callback must not run');
const tries = [
  ['stat no callback', () => fs.stat(__filename)],
  ['stat number path', () => fs.stat(42, cb)],
  ['stat object path', () => fs.stat({}, cb)],
  ['stat NUL in path', () => fs.stat('a\u0000b', cb)],
  ['lstat undefined', () => fs.lstat(undefined, cb)],
  ['stat http URL', () => fs.stat(new URL('http://example.com/x'), cb)],
  ['fstat string fd', () => fs.fstat('1', cb)],
  ['fstat negative fd', () => fs.fstat(-1, cb)],
  ['fstat fractional fd', () => fs.fstat(1.5, cb)],
];
for (const [label, fn] of tries) {
  try {
    fn();
    console.log(label, 'did not throw');
  } catch (e) {
    console.log(label, '|', e.name, e.code, '|', e.message);
  }
}
