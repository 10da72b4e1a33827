// mkdtemp: six random characters after the prefix, Buffer prefixes and
// results, a prefix naming a missing folder, and the promise form.
const fs = require('fs');
const path = require('path');
const os = require('os');
const base = fs.mkdtempSync(path.join(os.tmpdir(), 'mkdtemp-'));
const shape = (p) => (Buffer.isBuffer(p) ? `<buf ${path.relative(base, p.toString()).replace(/[A-Za-z0-9]{6}$/, 'XXXXXX')}>` : path.relative(base, p).replace(/[A-Za-z0-9]{6}$/, 'XXXXXX'));
const msg = (e) => `${e.code} ${e.syscall} ${e.message.split(base).join('B').replace(/[A-Za-z0-9]{6}'$/, "XXXXXX'")}`;
const steps = [
  (n) => fs.mkdtemp(path.join(base, 'a-'), (e, p) => (console.log('string', e, shape(p), fs.statSync(p).isDirectory(), (fs.statSync(p).mode & 0o777).toString(8)), n())),
  (n) => fs.mkdtemp(path.join(base, 'b-'), 'buffer', (e, p) => (console.log('buffer result', e, shape(p)), n())),
  (n) => fs.mkdtemp(Buffer.from(path.join(base, 'c-')), (e, p) => (console.log('buffer prefix', e, shape(p)), n())),
  (n) => fs.mkdtemp(path.join(base, 'sub') + path.sep, (e, p) => (console.log('missing folder', msg(e)), n())),
  (n) => fs.mkdtemp(path.join(base, 'no', 'x-'), (e) => (console.log('missing parent', msg(e)), n())),
  (n) => fs.promises.mkdtemp(path.join(base, 'p-')).then((p) => (console.log('promise', shape(p)), n())),
  (n) => fs.promises.mkdtemp(path.join(base, 'q-'), { encoding: 'buffer' }).then((p) => (console.log('promise buffer', shape(p)), n())),
  (n) => {
    const made = new Set();
    let left = 20;
    for (let i = 0; i < 20; i++) fs.mkdtemp(path.join(base, 'many-'), (e, p) => { made.add(p); if (--left === 0) (console.log('twenty distinct', made.size), n()); });
  },
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : fs.rmSync(base, { recursive: true }));
next();
