// ReadStream failures: a missing file, a folder, bad ranges and options,
// destroy while reading, and an fd that stays open with autoClose false.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readstream-errors-'));
const f = path.join(dir, 'data');
fs.writeFileSync(f, 'x'.repeat(200000));
const msg = (e) => `${e.code} ${e.message.split(dir).join('D')}`;
for (const opts of [{ start: -1 }, { start: 5, end: 2 }, { end: 'x' }, { fd: 'x' }, { highWaterMark: -1 }, { encoding: 'nope' }, 5]) {
  try {
    fs.createReadStream(f, opts);
    console.log('accepted', opts);
  } catch (e) {
    console.log('refused', JSON.stringify(opts), String(e));
  }
}
try {
  fs.createReadStream(42);
} catch (e) {
  console.log('bad path', String(e));
}
const steps = [
  (n) => {
    const ev = [];
    const rs = fs.createReadStream(path.join(dir, 'missing'));
    rs.on('open', () => ev.push('open'));
    rs.on('error', (e) => ev.push(`error ${msg(e)}`));
    rs.on('close', () => (console.log('missing:', ev.join(' | '), rs.destroyed), n()));
  },
  (n) => {
    const ev = [];
    const rs = fs.createReadStream(dir);
    rs.on('open', () => ev.push('open'));
    rs.on('error', (e) => ev.push(`error ${msg(e)}`));
    rs.on('close', () => (console.log('folder:', ev.join(' | ')), n()));
  },
  (n) => {
    const rs = fs.createReadStream(f, { highWaterMark: 1000 });
    let chunks = 0;
    rs.on('data', () => {
      if (++chunks === 3) rs.destroy();
    });
    rs.on('close', () => (console.log('destroyed after', chunks, 'chunks, bytesRead', rs.bytesRead, 'fd', rs.fd), n()));
  },
  (n) => {
    const fd = fs.openSync(f, 'r');
    const rs = fs.createReadStream(null, { fd, autoClose: false, start: 199990 });
    let got = '';
    rs.on('data', (c) => (got += c));
    rs.on('end', () => {
      console.log('fd autoClose false:', rs.autoClose, got.length, rs.pending);
      setImmediate(() => {
        console.log('  still open:', fs.fstatSync(fd).size);
        fs.closeSync(fd);
        n();
      });
    });
  },
  (n) => {
    const rs = fs.createReadStream(f, { start: 0, end: 9 });
    rs.close((err) => (console.log('close() before any data:', err, rs.destroyed), n()));
  },
  (n) => {
    const ev = [];
    const rs = new fs.ReadStream(f, { end: 4 });
    rs.setEncoding('latin1');
    rs.on('data', (d) => ev.push(d));
    rs.on('end', () => ev.push('end'));
    rs.on('close', () => (console.log('new ReadStream:', ev), n()));
  },
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : fs.rmSync(dir, { recursive: true }));
next();
