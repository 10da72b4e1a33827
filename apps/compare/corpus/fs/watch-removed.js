// What a watcher reports when the thing it watches goes away. A watched
// file unlinked: 'change' (its link count), then 'rename' twice (deleted,
// then the kernel dropping the watch). A watched folder removed: 'rename'
// of its own name, twice. The watchers stay open until closed.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-rm-'));
const file = path.join(dir, 'gone.txt');
const folder = path.join(dir, 'gone-dir');
fs.writeFileSync(file, 'x');
fs.mkdirSync(folder);

function watchUntil(target, count, remove) {
  return new Promise((resolve) => {
    const seen = [];
    const w = fs.watch(target, (eventType, filename) => {
      seen.push(`${eventType} ${filename}`);
      if (seen.length < count) return;
      console.log(path.basename(target), seen.join(', '));
      setTimeout(() => {
        console.log('still open, then closed:', seen.length);
        w.close();
        resolve();
      }, 30);
    });
    remove();
  });
}

watchUntil(file, 3, () => fs.unlinkSync(file))
  .then(() => watchUntil(folder, 2, () => fs.rmdirSync(folder)))
  .then(() => {
    fs.rmSync(dir, { recursive: true });
    console.log('done');
  });
