// truncate and ftruncate: shrink, extend with zeros, negative lengths taken
// as 0, folders and missing files; truncate opens the file itself.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'truncate-'));
const f = path.join(dir, 'file');
fs.writeFileSync(f, '0123456789');
const show = () => JSON.stringify(fs.readFileSync(f, 'latin1'));
const msg = (e) => (e ? `${e.code} ${e.syscall} ${e.message.split(dir).join('D')}` : 'ok');
const steps = [
  (n) => fs.truncate(f, 4, (...a) => (console.log('truncate 4', a, show()), n())),
  (n) => fs.truncate(f, 6, (e) => (console.log('extend', msg(e), show()), n())),
  (n) => fs.truncate(f, -5, (e) => (console.log('negative', msg(e), show()), n())),
  (n) => fs.writeFile(f, 'abc', () => fs.truncate(f, (e) => (console.log('no length', msg(e), show()), n()))),
  (n) => fs.truncate(dir, 1, (e) => (console.log('folder', msg(e)), n())),
  (n) => fs.truncate(path.join(dir, 'missing'), 1, (e) => (console.log('missing', msg(e)), n())),
  (n) => {
    const fd = fs.openSync(f, 'r+');
    fs.ftruncate(fd, 2, (e) => {
      console.log('ftruncate', msg(e), show());
      fs.ftruncate(fd, (e2) => (console.log('ftruncate no length', msg(e2), show()), fs.closeSync(fd), n()));
    });
  },
  (n) => {
    const fd = fs.openSync(f, 'r');
    fs.ftruncate(fd, 1, (e) => (console.log('ftruncate read-only', msg(e)), fs.closeSync(fd), n()));
  },
  (n) => fs.ftruncate(9999, 1, (e) => (console.log('ftruncate bad fd', msg(e)), n())),
  (n) => fs.promises.writeFile(f, 'promised').then(() => fs.promises.truncate(f, 3)).then((v) => (console.log('promise truncate', v, show()), n())),
  (n) => fs.promises.truncate(dir).catch((e) => (console.log('promise folder', msg(e)), n())),
  // A descriptor given to truncate: ftruncate, with DEP0081 once.
  (n) => {
    process.emitWarning = (message, type, code) => console.log('warning', type, code);
    const g = path.join(os.tmpdir(), `truncate-fd-${process.pid}`);
    fs.writeFileSync(g, 'abcdef');
    const fd = fs.openSync(g, 'r+');
    fs.truncate(fd, 2, (e) => {
      fs.truncate(fd, 1, (e2) => {
        console.log('truncate(fd)', e, e2, fs.readFileSync(g, 'utf8'));
        fs.closeSync(fd);
        fs.unlinkSync(g);
        n();
      });
    });
  },
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : fs.rmSync(dir, { recursive: true }));
next();
