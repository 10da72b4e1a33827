// readv and writev: several buffers and typed arrays at once, positions,
// short reads at the end of the file, and an empty list.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readv-'));
const f = path.join(dir, 'data');
const fd = fs.openSync(f, 'w+');
const steps = [
  (n) => fs.writev(fd, [Buffer.from('hello '), Buffer.from('vector '), new Uint8Array([119, 111, 114, 108, 100])], (e, w, bufs) => (console.log('writev', e, w, bufs.length, fs.readFileSync(f, 'utf8')), n())),
  (n) => fs.writev(fd, [Buffer.from('HE')], 0, (e, w) => (console.log('writev at 0', w, fs.readFileSync(f, 'utf8')), n())),
  (n) => fs.writev(fd, [], (e, w, bufs) => (console.log('writev empty', e, w, bufs), n())),
  (n) => {
    const a = Buffer.alloc(4), b = Buffer.alloc(5), c = new Uint16Array(2);
    fs.readv(fd, [a, b, c], 0, (e, r, bufs) => (console.log('readv', e, r, a.toString(), b.toString(), Array.from(c), bufs[2] === c), n()));
  },
  (n) => {
    const a = Buffer.alloc(10), b = Buffer.alloc(10);
    fs.readv(fd, [a, b], 12, (e, r) => (console.log('readv short', r, JSON.stringify(a.toString('latin1', 0, r)), b.every((x) => x === 0)), n()));
  },
  (n) => fs.readv(fd, [Buffer.alloc(4)], (e, r, bufs) => (console.log('readv at offset (end)', r, bufs[0].toString('hex')), n())),
  (n) => fs.readv(fd, [], 0, (e, r) => (console.log('readv empty', e, r), n())),
  (n) => fs.promises.open(f).then(async (fh) => {
    const x = Buffer.alloc(3), y = Buffer.alloc(3);
    const r = await fh.readv([x, y], 3);
    const w = await fh.writev([Buffer.from('no')]).catch((e) => e.code);
    console.log('filehandle readv', r.bytesRead, x.toString(), y.toString(), 'writev on read-only', w);
    await fh.close();
    n();
  }),
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : (fs.closeSync(fd), fs.rmSync(dir, { recursive: true })));
next();
