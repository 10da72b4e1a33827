// rm, rmdir and unlink: what each refuses and with which error.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rm-'));
const p = (x) => path.join(dir, x);
const msg = (e) => (e ? `${e.name} ${e.code} ${e.errno} ${e.syscall} ${e.message.split(dir).join('D')} ${Object.keys(e)}` : 'ok');
fs.mkdirSync(p('tree/a/b'), { recursive: true });
fs.writeFileSync(p('tree/a/b/f'), 'x');
fs.writeFileSync(p('tree/g'), 'x');
fs.writeFileSync(p('file'), 'x');
fs.mkdirSync(p('empty'));
fs.symlinkSync('tree', p('link-to-tree'));
const steps = [
  (n) => fs.rm(p('tree'), (e) => (console.log('rm dir', msg(e)), n())),
  (n) => fs.rm(p('missing'), (e) => (console.log('rm missing', msg(e)), n())),
  (n) => fs.rm(p('missing'), { force: true }, (e) => (console.log('rm -f missing', msg(e)), n())),
  (n) => fs.rm(p('link-to-tree'), (e) => (console.log('rm link', msg(e), fs.existsSync(p('tree/g'))), n())),
  (n) => fs.rmdir(p('tree'), (e) => (console.log('rmdir full', msg(e)), n())),
  (n) => fs.rmdir(p('file'), (e) => (console.log('rmdir file', msg(e)), n())),
  (n) => fs.rmdir(p('empty'), (e) => (console.log('rmdir empty', msg(e)), n())),
  (n) => fs.unlink(p('tree'), (e) => (console.log('unlink dir', msg(e)), n())),
  (n) => fs.unlink(p('file'), (e) => (console.log('unlink file', msg(e), fs.existsSync(p('file'))), n())),
  (n) => fs.unlink(p('file'), (e) => (console.log('unlink again', msg(e)), n())),
  (n) => fs.rm(p('tree'), { recursive: true }, (e) => (console.log('rm -r', msg(e), fs.existsSync(p('tree'))), n())),
  (n) => fs.promises.rm(p('tree')).catch((e) => (console.log('promise rm missing', msg(e)), n())),
  (n) => fs.promises.rm(p('tree'), { force: true, recursive: true }).then((v) => (console.log('promise rm -rf', v), n())),
  (n) => fs.promises.rmdir(p('nope')).catch((e) => (console.log('promise rmdir', msg(e)), n())),
  (n) => fs.promises.unlink(p('nope')).catch((e) => (console.log('promise unlink', msg(e)), n())),
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : (console.log(fs.readdirSync(dir)), fs.rmSync(dir, { recursive: true })));
next();
