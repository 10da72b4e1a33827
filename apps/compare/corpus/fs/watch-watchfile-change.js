// fs.watchFile: 'change' with (curr, prev) as Stats when the file's size
// and mtime change; with bigint: true both are BigIntStats. The first poll
// only records, so the write waits until it has happened.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watchfile-ch-'));
const file = path.join(dir, 'f.txt');
fs.writeFileSync(file, 'one');

function watchOnce(options, label) {
  return new Promise((resolve) => {
    const listener = (curr, prev) => {
      fs.unwatchFile(file, listener);
      console.log(label, curr.constructor.name, prev.constructor.name, curr instanceof fs.Stats);
      console.log(label, 'size', curr.size, prev.size, typeof curr.size);
      console.log(label, 'mtime moved', curr.mtimeMs >= prev.mtimeMs, 'same ino', curr.ino === prev.ino, curr.isFile(), prev.isFile());
      console.log(label, 'fields', Object.keys(curr).join(','));
      resolve();
    };
    const w = fs.watchFile(file, options, listener);
    console.log(label, 'watcher', w.constructor.name, typeof w.ref, typeof w.unref);
    setTimeout(() => fs.appendFileSync(file, '-more'), 300);
  });
}

watchOnce({ interval: 20 }, 'plain')
  .then(() => watchOnce({ interval: 20, bigint: true }, 'bigint'))
  .then(() => {
    fs.rmSync(dir, { recursive: true });
    console.log('done');
  });
