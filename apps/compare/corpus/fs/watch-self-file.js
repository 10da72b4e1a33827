// fs.watch on a file (not its folder): events name the file itself. A
// write is 'change'; a chmod is 'change' too (IN_ATTRIB); a rename of the
// watched file is 'rename', and the watch follows the inode to its new name.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-self-'));
const file = path.join(dir, 'self.txt');
fs.writeFileSync(file, '');
const steps = [
  ['change', () => fs.appendFileSync(file, 'x')],
  ['change', () => fs.chmodSync(file, 0o600)],
  ['rename', () => fs.renameSync(file, file + '.moved')],
  ['change', () => fs.appendFileSync(file + '.moved', 'y')],
];
let step = 0;
const watcher = fs.watch(file, (eventType, filename) => {
  console.log(eventType, filename);
  if (eventType !== steps[step][0]) return;
  step++;
  if (step === steps.length) return watcher.close();
  setTimeout(steps[step][1], 5);
});
watcher.on('close', () => {
  console.log('closed');
  fs.rmSync(dir, { recursive: true });
});
steps[0][1]();
