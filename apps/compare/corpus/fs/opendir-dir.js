// opendir and Dir: read() one entry at a time in callbacks and promises,
// async iteration that closes the Dir, bufferSize batches, the errors of a
// closed Dir, and opendir failures. Entries are sorted before printing: a
// Dir gives them in the file system's order.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opendir-'));
for (let i = 0; i < 70; i++) fs.writeFileSync(path.join(dir, `f${String(i).padStart(2, '0')}`), '');
fs.mkdirSync(path.join(dir, 'sub'));
fs.symlinkSync('f00', path.join(dir, 'link'));
const kind = (d) => (d.isFile() ? 'f' : d.isDirectory() ? 'd' : d.isSymbolicLink() ? 'l' : '?');
const steps = [
  (n) =>
    fs.opendir(dir, (err, d) => {
      console.log('opened', err, d.constructor.name, d instanceof fs.Dir, d.path === dir);
      const names = [];
      const more = () =>
        d.read((e, entry) => {
          if (e) throw e;
          if (entry === null) {
            console.log('callback reads', names.length, names.sort().slice(0, 3), names.slice(-3));
            return d.close((ce) => (console.log('closed', ce), n()));
          }
          names.push(`${entry.name}:${kind(entry)}:${entry.path === dir}`);
          more();
        });
      more();
    }),
  async (n) => {
    const d = await fs.promises.opendir(dir, { bufferSize: 5 });
    const names = [];
    for await (const e of d) names.push(e.name);
    console.log('async iteration', names.length, names.includes('sub'));
    try {
      d.read(() => {});
    } catch (e) {
      console.log('read after iteration', String(e));
    }
    d.close((e) => (console.log('close(cb) again', String(e)), n()));
  },
  async (n) => {
    const d = await fs.promises.opendir(dir, 'buffer');
    const first = await d.read();
    console.log('buffer encoding', Buffer.isBuffer(first.name));
    const [a, b] = await Promise.all([d.read(), d.read()]);
    console.log('two reads at once', a.name.toString() !== b.name.toString());
    await d.close();
    await d.close().catch((e) => console.log('close() again', e.code));
    n();
  },
  (n) => fs.opendir(path.join(dir, 'missing'), (e) => (console.log(e.code, e.syscall, e.message.split(dir).join('D')), n())),
  (n) => fs.opendir(path.join(dir, 'f00'), (e) => (console.log(e.code, e.syscall), n())),
  (n) => fs.promises.opendir(path.join(dir, 'nope')).catch((e) => (console.log('promise', e.code), n())),
  (n) => {
    for (const args of [[42, () => {}], [dir], [dir, { encoding: 'bogus' }, () => {}]]) {
      try {
        fs.opendir(...args);
      } catch (e) {
        console.log('refused', String(e));
      }
    }
    n();
  },
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : fs.rmSync(dir, { recursive: true }));
next();
