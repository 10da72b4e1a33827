// ReadStream on a descriptor: without start it reads from the descriptor's
// offset and moves it; with start it reads there; autoClose closes the fd.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rs-fd-'));
const f = path.join(dir, 'data');
fs.writeFileSync(f, 'abcdefghijklmnopqrstuvwxyz');
const fd = fs.openSync(f, 'r');
fs.readSync(fd, Buffer.alloc(5), 0, 5, null);
// A stream with autoClose false never closes: those are done at 'end'.
const collect = (rs, cb, event = 'end') => { let s = ''; rs.on('data', (c) => (s += c)); rs.on(event, () => setImmediate(cb, s)); };
collect(fs.createReadStream(null, { fd, autoClose: false, end: 9 }), (s) => {
  console.log('from offset 5, end 9 counts bytes read', JSON.stringify(s));
  const after = Buffer.alloc(3);
  fs.readSync(fd, after, 0, 3, null);
  console.log('offset moved to', JSON.stringify(after.toString()));
  collect(fs.createReadStream('ignored', { fd, start: 20, autoClose: false }), (s2) => {
    console.log('start 20', JSON.stringify(s2));
    collect(fs.createReadStream(null, { fd, start: 0, end: 2 }), (s3) => {
      console.log('autoClose', JSON.stringify(s3));
      try {
        fs.fstatSync(fd);
        console.log('still open');
      } catch (e) {
        console.log('closed:', e.code);
      }
      fs.rmSync(dir, { recursive: true });
    }, 'close');
  });
});
