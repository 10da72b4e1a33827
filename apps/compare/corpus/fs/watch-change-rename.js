// fs.watch on a folder: a file created, written, renamed and removed, one
// step at a time (each waits for its event), so inotify never has two
// events to coalesce. Created empty: IN_CREATE alone is 'rename', a write is
// 'change', both names of a move are 'rename', a removal is 'rename'.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-cr-'));
const steps = [
  ['rename a', () => fs.closeSync(fs.openSync(path.join(dir, 'a'), 'w'))],
  ['change a', () => fs.appendFileSync(path.join(dir, 'a'), 'x')],
  ['rename b', () => fs.renameSync(path.join(dir, 'a'), path.join(dir, 'b'))],
  ['rename b', () => fs.unlinkSync(path.join(dir, 'b'))],
];
let step = 0;
const watcher = fs.watch(dir, (eventType, filename) => {
  const seen = `${eventType} ${filename}`;
  console.log(seen, typeof filename);
  if (seen !== steps[step][0]) return;
  step++;
  if (step === steps.length) return watcher.close();
  setTimeout(steps[step][1], 5);
});
watcher.on('close', () => {
  console.log('closed after', step, 'steps');
  fs.rmSync(dir, { recursive: true });
});
console.log(watcher.constructor.name, typeof watcher.ref, typeof watcher.unref);
steps[0][1]();
