// Failing stats: the system error as Node reports it, path included.
const fs = require('fs');
const rel = (s) => String(s).split(__dirname).join('.');
const show = (label) => (err, st) =>
  console.log(label, st, err.code, err.errno, err.syscall, rel(err.path), rel(err.message), err instanceof Error, Object.keys(err).join(','));
const cases = [
  ['stat missing', (cb) => fs.stat(__dirname + '/no-such-file', cb)],
  ['lstat missing', (cb) => fs.lstat(__dirname + '/no/such/dir', cb)],
  ['stat through a file', (cb) => fs.stat(__filename + '/child', cb)],
  ['fstat closed fd', (cb) => fs.fstat(99999, cb)],
  ['stat buffer path', (cb) => fs.stat(Buffer.from(__dirname + '/buffer-missing'), cb)],
];
// One at a time: the pool may finish concurrent requests in any order.
(function next(i) {
  if (i === cases.length) return;
  const [label, run] = cases[i];
  run((err, st) => {
    show(label)(err, st);
    next(i + 1);
  });
})(0);
