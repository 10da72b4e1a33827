// copyFile: the mode bits carried over, EXCL refusing an existing target,
// FICLONE falling back to a copy, a copy onto itself, folders and missing
// files.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'copyfile-'));
const p = (x) => path.join(dir, x);
const msg = (e) => (e ? `${e.code} ${e.syscall} ${e.message.split(dir).join('D')} path=${e.path && e.path.split(dir).join('D')} dest=${e.dest && e.dest.split(dir).join('D')}` : 'ok');
fs.writeFileSync(p('src'), 'source bytes');
fs.chmodSync(p('src'), 0o750);
fs.writeFileSync(p('existing'), 'old contents that are longer');
const { COPYFILE_EXCL, COPYFILE_FICLONE } = fs.constants;
const steps = [
  (n) => fs.copyFile(p('src'), p('dst'), (e) => (console.log('copy', msg(e), fs.readFileSync(p('dst'), 'utf8'), (fs.statSync(p('dst')).mode & 0o777).toString(8)), n())),
  (n) => fs.copyFile(p('src'), p('existing'), (e) => (console.log('over existing', msg(e), fs.readFileSync(p('existing'), 'utf8')), n())),
  (n) => fs.copyFile(p('src'), p('dst'), COPYFILE_EXCL, (e) => (console.log('excl', msg(e)), n())),
  (n) => fs.copyFile(p('src'), p('clone'), COPYFILE_FICLONE, (e) => (console.log('ficlone', msg(e), fs.readFileSync(p('clone'), 'utf8')), n())),
  (n) => fs.copyFile(p('src'), p('src'), (e) => (console.log('onto itself', msg(e), fs.readFileSync(p('src'), 'utf8')), n())),
  (n) => fs.copyFile(p('missing'), p('x'), (e) => (console.log('missing source', msg(e), fs.existsSync(p('x'))), n())),
  (n) => fs.copyFile(p('src'), p('no/such/dst'), (e) => (console.log('missing folder', msg(e)), n())),
  (n) => fs.copyFile(dir, p('x'), (e) => (console.log('folder source', msg(e)), n())),
  (n) => fs.promises.copyFile(p('src'), p('dst'), COPYFILE_EXCL).catch((e) => (console.log('promise excl', msg(e)), n())),
  (n) => fs.promises.copyFile(p('src'), p('dst2')).then((v) => (console.log('promise copy', v, fs.readFileSync(p('dst2'), 'utf8')), n())),
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : fs.rmSync(dir, { recursive: true }));
next();
