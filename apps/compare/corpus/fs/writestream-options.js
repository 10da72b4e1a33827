// WriteStream options: flags a and r+, start, encodings, fd, flush,
// autoClose false, a missing folder, and writes after end.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writestream-opts-'));
const f = path.join(dir, 'out');
fs.writeFileSync(f, '0123456789');
const show = () => JSON.stringify(fs.readFileSync(f, 'latin1'));
const steps = [
  (n) => {
    const ws = fs.createWriteStream(f, { flags: 'a' });
    ws.end('+app', () => console.log('end callback', ws.writableFinished));
    ws.on('close', () => (console.log('flags a', show()), n()));
  },
  (n) => {
    const ws = fs.createWriteStream(f, { flags: 'r+', start: 2 });
    ws.write('AB');
    ws.end('CD');
    ws.on('close', () => (console.log('r+ start 2', show(), ws.bytesWritten, ws.pos), n()));
  },
  (n) => {
    const ws = fs.createWriteStream(f, { encoding: 'hex' });
    ws.write('414243');
    ws.end('44', 'latin1');
    ws.on('close', () => (console.log('default encoding hex', show()), n()));
  },
  (n) => {
    const ws = fs.createWriteStream(f, { flush: true });
    ws.end('flushed');
    ws.on('close', () => (console.log('flush', show(), ws.flush), n()));
  },
  (n) => {
    const fd = fs.openSync(f, 'w');
    const ws = fs.createWriteStream(null, { fd, autoClose: false });
    ws.end('by fd');
    ws.on('finish', () => setImmediate(() => (console.log('fd, autoClose false', show(), fs.fstatSync(fd).size, ws.closed), fs.closeSync(fd), n())));
  },
  (n) => {
    const ws = fs.createWriteStream(path.join(dir, 'no/such/file'));
    const ev = [];
    ws.on('error', (e) => ev.push(`${e.code} ${e.syscall}`));
    ws.on('close', () => (console.log('missing folder', ev), n()));
  },
  (n) => {
    const ws = fs.createWriteStream(f);
    ws.end('x');
    ws.write('late', (e) => console.log('write after end cb', e && e.code));
    ws.on('error', (e) => console.log('write after end', e.code));
    ws.on('close', () => n());
  },
  (n) => {
    const ws = fs.createWriteStream(f);
    ws.close((e) => (console.log('close() on a fresh stream', e, ws.closed, show()), n()));
  },
  (n) => {
    for (const o of [{ start: -1 }, { start: 'x' }, { flush: 'yes' }, { fd: {} }]) {
      try {
        fs.createWriteStream(f, o);
      } catch (e) {
        console.log('refused', JSON.stringify(o), String(e));
      }
    }
    n();
  },
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : fs.rmSync(dir, { recursive: true }));
next();
