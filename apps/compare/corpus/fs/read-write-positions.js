// read and write with positions: null and -1 use and move the file offset,
// a number reads or writes there without moving it, bigints work, 'a' files
// append whatever the position, and a read past the end answers 0.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rw-positions-'));
const f = path.join(dir, 'data');
fs.writeFileSync(f, 'abcdefghij');
const fd = fs.openSync(f, 'r+');
const b = () => Buffer.alloc(3);
const steps = [
  (n) => fs.read(fd, b(), 0, 3, null, (e, r, buf) => (console.log('read null', r, buf.toString()), n())),
  (n) => fs.read(fd, b(), 0, 3, -1, (e, r, buf) => (console.log('read -1 continues', r, buf.toString()), n())),
  (n) => fs.read(fd, b(), 0, 3, 0, (e, r, buf) => (console.log('read at 0', r, buf.toString()), n())),
  (n) => fs.read(fd, b(), 0, 3, null, (e, r, buf) => (console.log('offset unmoved by positional read', r, buf.toString()), n())),
  (n) => fs.read(fd, b(), 1, 2, 8n, (e, r, buf) => (console.log('bigint position, buffer offset 1', r, JSON.stringify(buf.toString('latin1'))), n())),
  (n) => fs.read(fd, b(), 0, 3, 100, (e, r) => (console.log('past the end', r), n())),
  (n) => fs.read(fd, { buffer: Buffer.alloc(20) }, (e, r, buf) => (console.log('options form from offset', r, buf.toString('latin1', 0, r)), n())),
  (n) => fs.read(fd, Buffer.alloc(4), { position: 2 }, (e, r, buf) => (console.log('buffer + options form', r, buf.toString()), n())),
  (n) => fs.read(fd, Buffer.alloc(4), 0, 0, 0, (e, r, buf) => (console.log('zero length', e, r, buf.length), n())),
  (n) => fs.write(fd, 'XY', 1, (e, w, s) => (console.log('string at 1', w, s, fs.readFileSync(f, 'utf8')), n())),
  (n) => fs.write(fd, Buffer.from('123456'), 2, 3, 4, (e, w, buf) => (console.log('buffer slice at 4', w, buf.length, fs.readFileSync(f, 'utf8')), n())),
  (n) => fs.write(fd, Buffer.from('!'), { position: 0 }, (e, w) => (console.log('options form', w, fs.readFileSync(f, 'utf8')), n())),
  (n) => fs.write(fd, 'ff', null, 'hex', (e, w) => (console.log('hex at offset', w, JSON.stringify(fs.readFileSync(f, 'latin1'))), n())),
  (n) => fs.write(fd, new Float32Array([1]), (e, w) => (console.log('typed array', w, fs.fstatSync(fd).size), n())),
  (n) => {
    const afd = fs.openSync(f, 'a');
    fs.write(afd, 'END', 0, (e, w) => {
      console.log('append ignores position', w, fs.readFileSync(f, 'latin1').slice(-5));
      fs.closeSync(afd);
      n();
    });
  },
  (n) => {
    const rfd = fs.openSync(f, 'r');
    fs.write(rfd, 'x', (e) => {
      console.log('write on read-only', e.code, e.syscall, e.message);
      fs.read(rfd, Buffer.alloc(2), 0, 2, 0, (e2, r) => (console.log('still readable', r), fs.closeSync(rfd), n()));
    });
  },
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : (fs.closeSync(fd), fs.rmSync(dir, { recursive: true })));
next();
