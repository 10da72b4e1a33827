// fs.unwatchFile: one StatWatcher per path, shared by its listeners;
// removing one listener keeps the others, removing all stops polling (the
// watcher emits 'stop') and lets the process exit. Unwatching a path never
// watched does nothing.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watchfile-un-'));
const file = path.join(dir, 'f.txt');
fs.writeFileSync(file, '1');
const seen = [];
const one = () => seen.push('one');
const two = () => {
  seen.push('two');
  console.log('seen', seen.join(','));
  fs.unwatchFile(file);
  console.log('listeners after unwatchFile(file):', w1.listenerCount('change'));
};
const w1 = fs.watchFile(file, { interval: 20 }, one);
const w2 = fs.watchFile(file, { interval: 999 }, two);
console.log('same watcher', w1 === w2, 'listeners', w1.listenerCount('change'));
fs.unwatchFile(file, one);
fs.unwatchFile(file, one);
console.log('after removing one', w1.listenerCount('change'));
fs.unwatchFile(path.join(dir, 'never-watched'));
w1.on('stop', () => console.log('stop'));
setTimeout(() => fs.appendFileSync(file, '22'), 300);
process.on('exit', () => {
  console.log('exit');
  fs.rmSync(dir, { recursive: true });
});
