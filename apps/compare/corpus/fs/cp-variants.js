// cp: a file, a tree (recursive), links kept or followed, filter, force
// and errorOnExist, preserveTimestamps, and Node's ERR_FS_CP_* errors.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'cp-')));
const p = (x) => path.join(dir, x);
const msg = (e) => (e ? `${e.name} ${e.code} ${e.errno} ${e.message.split(dir).join('D')}` : 'ok');
const tree = (d) => fs.readdirSync(d, { recursive: true }).sort().map((x) => {
  const s = fs.lstatSync(path.join(d, x));
  return `${x}${s.isSymbolicLink() ? '->' + fs.readlinkSync(path.join(d, x)).split(dir).join('D') : s.isDirectory() ? '/' : ':' + (s.mode & 0o777).toString(8)}`;
});
fs.mkdirSync(p('src/sub/deep'), { recursive: true });
fs.writeFileSync(p('src/a.txt'), 'a');
fs.writeFileSync(p('src/sub/b.txt'), 'b');
fs.chmodSync(p('src/sub/b.txt'), 0o640);
fs.writeFileSync(p('src/sub/deep/c.log'), 'c');
fs.symlinkSync('a.txt', p('src/rel-link'));
fs.writeFileSync(p('file'), 'file');
fs.utimesSync(p('file'), 1000, 2000);
const steps = [
  (n) => fs.cp(p('file'), p('out/copied'), (...a) => (console.log('file into a new folder', a.length, msg(a[0]), fs.readFileSync(p('out/copied'), 'utf8')), n())),
  (n) => fs.cp(p('src'), p('tree'), (e) => (console.log('folder without recursive', msg(e)), n())),
  (n) => fs.cp(p('src'), p('tree'), { recursive: true }, (e) => (console.log('tree', msg(e), tree(p('tree'))), n())),
  (n) => fs.cp(p('src'), p('tree2'), { recursive: true, verbatimSymlinks: true }, (e) => (console.log('verbatim links', msg(e), tree(p('tree2')).filter((x) => x.includes('->'))), n())),
  (n) => fs.cp(p('src'), p('tree3'), { recursive: true, dereference: true }, (e) => (console.log('dereference', msg(e), tree(p('tree3')).filter((x) => x.startsWith('rel'))), n())),
  (n) => fs.cp(p('src'), p('filtered'), { recursive: true, filter: (s) => !s.endsWith('.log') }, (e) => (console.log('filter', msg(e), tree(p('filtered'))), n())),
  (n) => fs.cp(p('src'), p('async-filter'), { recursive: true, filter: async (s) => !s.includes('sub') }, (e) => (console.log('async filter', msg(e), tree(p('async-filter'))), n())),
  (n) => fs.cp(p('file'), p('out/copied'), { force: false, errorOnExist: true }, (e) => (console.log('errorOnExist', msg(e)), n())),
  (n) => fs.cp(p('file'), p('out/copied'), { force: false }, (e) => (console.log('no force, no error', msg(e)), n())),
  (n) => fs.cp(p('file'), p('stamped'), { preserveTimestamps: true }, (e) => (console.log('preserveTimestamps', msg(e), fs.statSync(p('stamped')).mtimeMs), n())),
  (n) => fs.cp(p('src'), p('file'), { recursive: true }, (e) => (console.log('dir onto file', msg(e)), n())),
  (n) => fs.cp(p('file'), p('src'), (e) => (console.log('file onto dir', msg(e)), n())),
  (n) => fs.cp(p('src'), p('src/sub/inside'), { recursive: true }, (e) => (console.log('into itself', msg(e)), n())),
  (n) => fs.cp(p('file'), p('file'), (e) => (console.log('same file', msg(e)), n())),
  (n) => fs.cp(p('missing'), p('x'), (e) => (console.log('missing', msg(e)), n())),
  (n) => fs.promises.cp(p('src/sub'), p('promised'), { recursive: true }).then((v) => (console.log('promise', v, tree(p('promised'))), n())),
  (n) => {
    for (const o of [{ recursive: 1 }, { dereference: true, verbatimSymlinks: true }, { mode: 9 }, { filter: 5 }, 'x']) {
      try {
        fs.cp(p('file'), p('y'), o, () => {});
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
