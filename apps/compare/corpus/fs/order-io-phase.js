// Inside an fs callback (the poll phase): nextTicks, then promises, then the
// check phase's immediates, then a timer; and an fs callback started from an
// immediate lands after the other immediates of that check phase.
const fs = require('fs');
const out = [];
fs.stat(__filename, () => {
  out.push('stat');
  setTimeout(() => {
    out.push('timeout');
    fs.lstat(__filename, () => {
      out.push('lstat from a timer');
      setImmediate(() => {
        out.push('immediate after lstat');
        console.log(out.join('\n'));
      });
    });
  }, 20);
  setImmediate(() => {
    out.push('immediate 1');
    fs.access(__filename, () => out.push('access from immediate 1'));
  });
  setImmediate(() => out.push('immediate 2'));
  process.nextTick(() => out.push('tick'));
  Promise.resolve().then(() => out.push('promise'));
  queueMicrotask(() => out.push('microtask'));
});
