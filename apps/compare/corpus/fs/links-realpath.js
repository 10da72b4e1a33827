// symlink, link, readlink and realpath (JS and native): chains, relative
// targets, dangling links, loops, and errors with both paths named.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'links-')));
const p = (x) => path.join(dir, x);
const rel = (v) => (typeof v === 'string' ? v.split(dir).join('D') : Buffer.isBuffer(v) ? `<buf ${v.toString().split(dir).join('D')}>` : v);
const msg = (e) => (e ? `${e.code} ${e.syscall} ${rel(e.message)}` : 'ok');
fs.mkdirSync(p('real/inner'), { recursive: true });
fs.writeFileSync(p('real/inner/file'), 'x');
const steps = [
  (n) => fs.symlink('real', p('l1'), (e) => (console.log('symlink dir', msg(e)), n())),
  (n) => fs.symlink('l1/inner', p('l2'), 'dir', (e) => (console.log('symlink chain', msg(e)), n())),
  (n) => fs.symlink(p('nowhere'), p('dangling'), 'file', (e) => (console.log('dangling', msg(e)), n())),
  (n) => fs.symlink('loop-b', p('loop-a'), () => fs.symlink('loop-a', p('loop-b'), (e) => (console.log('loop', msg(e)), n()))),
  (n) => fs.symlink('x', p('l1'), (e) => (console.log('symlink exists', msg(e), rel(e.path), rel(e.dest)), n())),
  (n) => fs.readlink(p('l2'), (e, t) => (console.log('readlink', msg(e), t), n())),
  (n) => fs.readlink(p('l2'), { encoding: 'buffer' }, (e, t) => (console.log('readlink buffer', rel(t)), n())),
  (n) => fs.readlink(p('real'), (e) => (console.log('readlink not a link', msg(e)), n())),
  (n) => fs.realpath(p('l2/file'), (e, r) => (console.log('realpath', msg(e), rel(r)), n())),
  (n) => fs.realpath.native(p('l2/file'), (e, r) => (console.log('realpath.native', msg(e), rel(r)), n())),
  (n) => fs.realpath(p('l2/../inner/./file'), 'buffer', (e, r) => (console.log('realpath buffer', msg(e), rel(r)), n())),
  (n) => fs.realpath(p('dangling'), (e) => (console.log('realpath dangling', msg(e)), n())),
  (n) => fs.realpath.native(p('dangling'), (e) => (console.log('native dangling', msg(e)), n())),
  (n) => fs.realpath(p('loop-a'), (e) => (console.log('realpath loop', e.code), n())),
  (n) => fs.realpath.native(p('loop-a'), (e) => (console.log('native loop', msg(e)), n())),
  (n) => fs.realpath(p('real/missing/deeper'), (e) => (console.log('realpath missing', msg(e)), n())),
  (n) => fs.link(p('real/inner/file'), p('hard'), (e) => (console.log('link', msg(e), fs.statSync(p('hard')).nlink), n())),
  (n) => fs.link(p('real/inner/file'), p('hard'), (e) => (console.log('link exists', msg(e)), n())),
  (n) => fs.link(p('real'), p('hard-dir'), (e) => (console.log('link a folder', msg(e)), n())),
  (n) => fs.promises.realpath(p('l1')).then((r) => (console.log('promise realpath', rel(r)), n())),
  (n) => fs.promises.readlink(p('l1'), 'hex').then((r) => (console.log('promise readlink hex', r), n())),
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : fs.rmSync(dir, { recursive: true }));
next();
