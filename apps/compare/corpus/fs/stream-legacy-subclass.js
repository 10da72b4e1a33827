// Streams subclassed the way graceful-fs does it (the constructor applied
// to an object of its own, open() replaced), called without new, and given
// a custom { fs } whose calls they make.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'legacy-'));
const f = path.join(dir, 'f');
fs.writeFileSync(f, 'legacy contents');
function MyReadStream(p, options) {
  if (this instanceof MyReadStream) return fs.ReadStream.apply(this, arguments), this;
  return MyReadStream.apply(Object.create(MyReadStream.prototype), arguments);
}
MyReadStream.prototype = Object.create(fs.ReadStream.prototype);
MyReadStream.prototype.open = function () {
  console.log('replaced open() called');
  fs.open(this.path, this.flags, this.mode, (err, fd) => {
    if (err) {
      if (this.autoClose) this.destroy();
      this.emit('error', err);
    } else {
      this.fd = fd;
      this.emit('open', fd);
      this.read();
    }
  });
};
const steps = [
  (n) => {
    const rs = MyReadStream(f, { highWaterMark: 6 });
    const ev = [];
    rs.on('open', () => ev.push('open'));
    rs.on('ready', () => ev.push('ready'));
    rs.on('data', (c) => ev.push(`data ${c}`));
    rs.on('close', () => (console.log(rs instanceof fs.ReadStream, ev), n()));
  },
  (n) => {
    const rs = new MyReadStream(path.join(dir, 'missing'));
    rs.on('error', (e) => console.log('replaced open fails', e.code));
    rs.on('close', () => n());
  },
  (n) => {
    const rs = fs.ReadStream(f, { start: 7 });
    console.log('called without new', rs instanceof fs.ReadStream, rs.constructor === fs.ReadStream);
    rs.setEncoding('utf8');
    rs.on('data', (d) => console.log('  data', d));
    rs.on('close', () => n());
  },
  (n) => {
    const calls = [];
    const custom = {
      open: (...a) => (calls.push('open'), fs.open(...a)),
      read: (...a) => (calls.push('read'), fs.read(...a)),
      close: (...a) => (calls.push('close'), fs.close(...a)),
    };
    const rs = fs.createReadStream(f, { fs: custom });
    rs.resume();
    rs.on('close', () => (console.log('custom fs read', calls), n()));
  },
  (n) => {
    const calls = [];
    const custom = {
      open: (...a) => (calls.push('open'), fs.open(...a)),
      write: (...a) => (calls.push('write'), fs.write(...a)),
      close: (...a) => (calls.push('close'), fs.close(...a)),
    };
    const ws = fs.createWriteStream(path.join(dir, 'w'), { fs: custom });
    ws.write('a');
    ws.write('b');
    ws.end('c');
    ws.on('close', () => (console.log('custom fs write', calls, fs.readFileSync(path.join(dir, 'w'), 'utf8')), n()));
  },
  (n) => {
    for (const custom of [{ open: 1 }, { open() {}, read() {} }, { open() {}, close() {} }]) {
      for (const make of [fs.createReadStream, fs.createWriteStream]) {
        try {
          make(f, { fs: custom });
        } catch (e) {
          console.log('refused', make.name, String(e));
        }
      }
    }
    n();
  },
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : fs.rmSync(dir, { recursive: true }));
next();
