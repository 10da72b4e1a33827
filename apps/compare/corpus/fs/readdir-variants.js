// readdir: names (sorted), Dirents, Buffer names, recursive listings and
// failures on a file or a missing folder.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readdir-'));
fs.mkdirSync(path.join(dir, 'b', 'c'), { recursive: true });
for (const f of ['z.txt', 'a.txt', 'B.txt', 'é.txt', 'b/inner', 'b/c/deep']) fs.writeFileSync(path.join(dir, f), f);
fs.symlinkSync('b', path.join(dir, 'to-b'));
const show = (label) => (err, list) => {
  if (err) console.log(label, err.code, err.syscall, err.message.split(dir).join('D'));
  else console.log(label, list.map((e) => (typeof e === 'string' ? e : Buffer.isBuffer(e) ? `<${e.toString('hex')}>` : `${e.name}:${e.isFile() ? 'f' : e.isDirectory() ? 'd' : e.isSymbolicLink() ? 'l' : '?'}:${path.relative(dir, e.path)}`)));
};
const steps = [
  (n) => fs.readdir(dir, (e, l) => (show('names')(e, l), n())),
  (n) => fs.readdir(dir, { withFileTypes: true }, (e, l) => (show('dirents')(e, l), console.log(l[0] instanceof fs.Dirent), n())),
  (n) => fs.readdir(dir, 'buffer', (e, l) => (show('buffers')(e, l), n())),
  (n) => fs.readdir(dir, { encoding: 'hex' }, (e, l) => (show('hex')(e, l), n())),
  (n) => fs.readdir(dir, { recursive: true }, (e, l) => (show('recursive')(e, l), n())),
  (n) => fs.readdir(dir, { recursive: true, withFileTypes: true }, (e, l) => (show('recursive dirents')(e, l), n())),
  (n) => fs.readdir(path.join(dir, 'a.txt'), (e, l) => (show('on a file')(e, l), n())),
  (n) => fs.readdir(path.join(dir, 'missing'), (e, l) => (show('missing')(e, l), n())),
  (n) => fs.readdir(path.join(dir, 'to-b'), (e, l) => (show('through a link')(e, l), n())),
  (n) => fs.promises.readdir(dir, { withFileTypes: true }).then((l) => (show('promise')(null, l), n())),
  (n) => fs.promises.readdir(path.join(dir, 'nope')).catch((e) => (show('promise missing')(e), n())),
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : fs.rmSync(dir, { recursive: true }));
next();
