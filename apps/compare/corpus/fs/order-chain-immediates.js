// A chain of requests of different kinds, each started from the previous
// callback: immediates and ticks queued in a callback always run before the
// next request's callback, whatever kind of request it is.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'order-chain-'));
const f = path.join(dir, 'x');
const log = [];
const ops = [
  (cb) => fs.writeFile(f, 'abc', cb),
  (cb) => fs.open(f, 'r+', cb),
  (cb) => fs.stat(f, cb),
  (cb) => fs.readdir(dir, cb),
  (cb) => fs.access(f, cb),
  (cb) => fs.mkdir(path.join(dir, 'a/b'), { recursive: true }, cb),
  (cb) => fs.rename(f, f + '2', cb),
  (cb) => fs.copyFile(f + '2', f, cb),
  (cb) => fs.readFile(f, cb),
  (cb) => fs.rm(path.join(dir, 'a'), { recursive: true }, cb),
  (cb) => fs.promises.stat(f).then((s) => cb(null, s), cb),
];
let i = 0;
function step() {
  if (i === ops.length) {
    console.log(log.join('\n'));
    fs.rmSync(dir, { recursive: true });
    return;
  }
  const n = i++;
  ops[n]((err) => {
    log.push(`op ${n} ${err ? err.code : 'ok'}`);
    setImmediate(() => log.push(`  immediate after ${n}`));
    process.nextTick(() => log.push(`  tick after ${n}`));
    Promise.resolve().then(() => log.push(`  promise after ${n}`));
    step();
  });
}
step();
