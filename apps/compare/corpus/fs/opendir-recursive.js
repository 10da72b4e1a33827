// opendir { recursive: true }: a folder handed out has its entries queued
// after the others, through read(), readSync() and async iteration. The
// file system's order is the same for node and mini on one file system.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendir-r-'));
for (const d of ['a/b/c', 'd']) fs.mkdirSync(path.join(dir, d), { recursive: true });
for (const f of ['z', 'a/f1', 'a/b/f2', 'a/b/c/f3', 'd/f4']) fs.writeFileSync(path.join(dir, f), '');
const rel = (e) => `${path.relative(dir, path.join(e.parentPath, e.name))}${e.isDirectory() ? '/' : ''}`;
(async () => {
  const d1 = await fs.promises.opendir(dir, { recursive: true });
  const a = [];
  for await (const e of d1) a.push(rel(e));
  console.log('async iteration', a.length, a.slice().sort());
  const d2 = await fs.promises.opendir(dir, { recursive: true, bufferSize: 2 });
  const b = [];
  let e;
  while ((e = d2.readSync()) !== null) b.push(rel(e));
  d2.closeSync();
  console.log('readSync', b.length, JSON.stringify(a) === JSON.stringify(b) || 'order differs with bufferSize');
  fs.opendir(dir, { recursive: true }, (err, d3) => {
    const c = [];
    const more = () => d3.read((er, x) => {
      if (x === null) {
        console.log('read()', c.length, JSON.stringify(c) === JSON.stringify(a));
        return d3.close(() => fs.rmSync(dir, { recursive: true }));
      }
      c.push(rel(x));
      more();
    });
    more();
  });
})();
