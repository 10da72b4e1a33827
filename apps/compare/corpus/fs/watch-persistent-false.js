// A watcher with persistent: false, or unref()'d, does not keep the process
// alive: the script ends at once with both armed. ref() would bring it back.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-pf-'));
const a = fs.watch(dir, { persistent: false }, () => console.log('never: a'));
const b = fs.watch(dir, () => console.log('never: b'));
console.log('unref returns the watcher:', b.unref() === b);
const c = fs.watch(dir, { persistent: false });
c.ref();
c.unref();
const d = fs.watchFile(path.join(dir, 'x'), { persistent: false, interval: 10 }, () => {});
console.log('watchFile unref chain:', d.unref() === d, d.ref() === d);
d.unref();
console.log('armed', a.constructor.name, d.constructor.name);
process.on('exit', (code) => {
  console.log('exit', code);
  fs.rmSync(dir, { recursive: true });
});
