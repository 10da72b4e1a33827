// chmod, fchmod, chown, fchown, lchown, utimes, futimes and lutimes: modes as
// numbers and octal strings, times as seconds, numeric strings and Dates.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'chmod-'));
const f = path.join(dir, 'file');
fs.writeFileSync(f, 'x');
fs.symlinkSync('file', path.join(dir, 'link'));
const mode = () => (fs.statSync(f).mode & 0o7777).toString(8);
const times = (p, l) => { const s = l ? fs.lstatSync(p) : fs.statSync(p); return `${s.atimeMs}/${s.mtimeMs}`; };
const msg = (e) => (e ? `${e.code} ${e.syscall} ${e.message.split(dir).join('D')}` : 'ok');
const fd = fs.openSync(f, 'r');
const steps = [
  (n) => fs.chmod(f, 0o600, (e) => (console.log('chmod number', msg(e), mode()), n())),
  (n) => fs.chmod(f, '755', (e) => (console.log('chmod string', msg(e), mode()), n())),
  (n) => fs.chmod(f, 0o4711, (e) => (console.log('chmod setuid', msg(e), mode()), n())),
  (n) => fs.fchmod(fd, 0o640, (e) => (console.log('fchmod', msg(e), mode()), n())),
  (n) => fs.chmod(path.join(dir, 'missing'), 0o600, (e) => (console.log('chmod missing', msg(e)), n())),
  (n) => fs.fchmod(9999, 0o600, (e) => (console.log('fchmod bad fd', msg(e)), n())),
  (n) => fs.chown(f, -1, -1, (e) => (console.log('chown unchanged', msg(e)), n())),
  (n) => fs.fchown(fd, process.getuid(), process.getgid(), (e) => (console.log('fchown self', msg(e)), n())),
  (n) => fs.lchown(path.join(dir, 'link'), -1, -1, (e) => (console.log('lchown', msg(e)), n())),
  (n) => fs.chown(path.join(dir, 'missing'), 0, 0, (e) => (console.log('chown missing', msg(e)), n())),
  (n) => fs.utimes(f, 1000, 2000.25, (e) => (console.log('utimes numbers', msg(e), times(f)), n())),
  (n) => fs.utimes(f, '3000', new Date(4000500), (e) => (console.log('utimes string and Date', msg(e), times(f)), n())),
  (n) => fs.futimes(fd, 5, 6.000001, (e) => (console.log('futimes', msg(e), times(f)), n())),
  (n) => fs.lutimes(path.join(dir, 'link'), 7, 8, (e) => (console.log('lutimes', msg(e), times(path.join(dir, 'link'), true), times(f)), n())),
  (n) => fs.utimes(path.join(dir, 'missing'), 1, 1, (e) => (console.log('utimes missing', msg(e)), n())),
  (n) => fs.futimes(9999, 1, 1, (e) => (console.log('futimes bad fd', msg(e)), n())),
  (n) => fs.promises.chmod(f, 0o644).then(() => (console.log('promise chmod', mode()), n())),
  (n) => fs.promises.utimes(f, 11, 12).then(() => (console.log('promise utimes', times(f)), n())),
  (n) => fs.promises.lutimes(path.join(dir, 'link'), 13, 14).then(() => (console.log('promise lutimes', times(path.join(dir, 'link'), true)), n())),
  (n) => fs.promises.lchmod(f, 0o600).catch((e) => (console.log('promise lchmod', String(e)), n())),
  (n) => (console.log('fs.lchmod', typeof fs.lchmod), n()),
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : (fs.closeSync(fd), fs.rmSync(dir, { recursive: true })));
next();
