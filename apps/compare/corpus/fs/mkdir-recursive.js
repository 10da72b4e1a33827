// mkdir: the recursive form answers the first folder it made (or nothing),
// a file in the way is EEXIST or ENOTDIR, modes apply.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mkdirp-'));
const rel = (p) => (typeof p === 'string' ? path.relative(dir, p) || '.' : p);
const msg = (e) => e && `${e.code} ${e.syscall} ${e.message.split(dir).join('D')}`;
fs.writeFileSync(path.join(dir, 'file'), '');
const steps = [
  (n) => fs.mkdir(path.join(dir, 'a/b/c'), { recursive: true }, (...a) => (console.log('deep', a.length, msg(a[0]), rel(a[1])), n())),
  (n) => fs.mkdir(path.join(dir, 'a/b/c'), { recursive: true }, (...a) => (console.log('again', a), n())),
  (n) => fs.mkdir(path.join(dir, 'a/b/d'), { recursive: true }, (...a) => (console.log('one more', msg(a[0]), rel(a[1])), n())),
  (n) => fs.mkdir(path.join(dir, 'file'), { recursive: true }, (e) => (console.log('on a file', msg(e)), n())),
  (n) => fs.mkdir(path.join(dir, 'file/x/y'), { recursive: true }, (e) => (console.log('under a file', msg(e)), n())),
  (n) => fs.mkdir(path.join(dir, 'x/y'), (e) => (console.log('plain, parent missing', msg(e)), n())),
  (n) => fs.mkdir(path.join(dir, 'a'), (e) => (console.log('plain, exists', msg(e)), n())),
  (n) => fs.mkdir(path.join(dir, 'moded'), 0o700, (...a) => (console.log('mode', a, (fs.statSync(path.join(dir, 'moded')).mode & 0o777).toString(8)), n())),
  (n) => fs.mkdir(path.join(dir, 'moded2'), { mode: '750' }, (...a) => (console.log('octal string mode', a, (fs.statSync(path.join(dir, 'moded2')).mode & 0o777).toString(8)), n())),
  (n) => fs.promises.mkdir(path.join(dir, 'p/q'), { recursive: true }).then((p) => (console.log('promise', rel(p)), n())),
  (n) => fs.promises.mkdir(path.join(dir, 'p/q'), { recursive: true }).then((p) => (console.log('promise exists', p), n())),
  (n) => fs.promises.mkdir(path.join(dir, 'p')).catch((e) => (console.log('promise EEXIST', msg(e)), n())),
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : fs.rmSync(dir, { recursive: true }));
next();
