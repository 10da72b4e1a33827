// An exception thrown by an fs callback reaches 'uncaughtException'; the
// other requests in flight still complete, and the descriptors involved
// are not leaked.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'throws-'));
const f = path.join(dir, 'f');
fs.writeFileSync(f, 'data');
const seen = [];
process.on('uncaughtException', (e) => seen.push(`caught ${e.message}`));
fs.stat(f, () => {
  throw new Error('from stat');
});
fs.readFile(f, 'utf8', (e, s) => {
  seen.push(`readFile ${s}`);
  throw new Error('from readFile');
});
fs.open(f, (e, fd) => {
  fs.close(fd, () => {
    seen.push('closed');
    throw new Error('from close');
  });
});
fs.promises.readFile(f, 'utf8').then((s) => {
  seen.push(`promise ${s}`);
});
setTimeout(() => {
  console.log(seen.sort());
  fs.rmSync(dir, { recursive: true });
}, 200);
