// fs.watch(dir, { recursive: true }) on Linux: names relative to the root,
// and a subfolder created after the watch started is watched too (a file
// created in it is reported). Each step waits for the event it expects.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-rec-'));
fs.mkdirSync(path.join(dir, 'old'));
fs.writeFileSync(path.join(dir, 'old', 'f.txt'), '');
const steps = [
  [`change ${path.join('old', 'f.txt')}`, () => fs.appendFileSync(path.join(dir, 'old', 'f.txt'), 'x')],
  ['rename new', () => fs.mkdirSync(path.join(dir, 'new'))],
  [`rename ${path.join('new', 'deep')}`, () => fs.mkdirSync(path.join(dir, 'new', 'deep'))],
  [`rename ${path.join('new', 'deep', 'g.txt')}`, () => fs.closeSync(fs.openSync(path.join(dir, 'new', 'deep', 'g.txt'), 'w'))],
  [`change ${path.join('new', 'deep', 'g.txt')}`, () => fs.appendFileSync(path.join(dir, 'new', 'deep', 'g.txt'), 'y')],
];
let step = 0;
const seen = new Set();
const watcher = fs.watch(dir, { recursive: true }, (eventType, filename) => {
  const event = `${eventType} ${filename}`;
  if (!seen.has(event)) {
    seen.add(event);
    console.log(event, typeof filename);
  }
  if (event !== steps[step][0]) return;
  step++;
  if (step === steps.length) return watcher.close();
  setTimeout(steps[step][1], 10);
});
watcher.on('close', () => {
  console.log('closed after', step, 'steps');
  fs.rmSync(dir, { recursive: true });
});
console.log(watcher.constructor.name, typeof watcher.close, typeof watcher[Symbol.asyncIterator]);
steps[0][1]();
