// access with each mode, exists for files, folders, missing paths and bad
// arguments (exists never throws for a bad path, it answers false).
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'access-'));
const f = path.join(dir, 'file');
fs.writeFileSync(f, 'x');
fs.chmodSync(f, 0o644);
const msg = (e) => (e ? `${e.code} ${e.syscall} ${e.message.split(dir).join('D')}` : 'ok');
const { F_OK, R_OK, W_OK, X_OK } = fs.constants;
const steps = [
  (n) => fs.access(f, (e) => (console.log('default F_OK', msg(e)), n())),
  (n) => fs.access(f, R_OK | W_OK, (e) => (console.log('R_OK|W_OK', msg(e)), n())),
  (n) => fs.access(dir, X_OK, (e) => (console.log('folder X_OK', msg(e)), n())),
  (n) => fs.access(path.join(dir, 'missing'), F_OK, (e) => (console.log('missing', msg(e)), n())),
  (n) => fs.access(path.join(f, 'child'), (e) => (console.log('under a file', msg(e)), n())),
  (n) => fs.access(f, undefined, (e) => (console.log('undefined mode', msg(e)), n())),
  (n) => fs.access(Buffer.from(f), (e) => (console.log('Buffer path', msg(e)), n())),
  (n) => fs.access(new URL(`file://${f}`), (e) => (console.log('URL path', msg(e)), n())),
  (n) => fs.exists(f, (v) => (console.log('exists file', v), n())),
  (n) => fs.exists(dir, (...v) => (console.log('exists folder', v), n())),
  (n) => fs.exists(path.join(dir, 'missing'), (v) => (console.log('exists missing', v), n())),
  (n) => fs.exists(123, (v) => (console.log('exists of a number', v), n())),
  (n) => fs.exists('a\0b', (v) => (console.log('exists with NUL', v), n())),
  (n) => {
    try {
      fs.exists(f);
    } catch (e) {
      console.log('exists without callback', String(e));
    }
    n();
  },
  (n) => fs.promises.access(f, R_OK).then((v) => (console.log('promise access', v), n())),
  (n) => fs.promises.access(path.join(dir, 'missing')).catch((e) => (console.log('promise missing', msg(e)), n())),
  (n) => fs.promises.access(f, 99).catch((e) => (console.log('promise bad mode', String(e)), n())),
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : fs.rmSync(dir, { recursive: true }));
next();
