// readFile: encodings, flags, a descriptor, a Buffer or URL path, a large
// file read in several chunks, a file of unknown size.
const fs = require('fs');
const path = require('path');
const { pathToFileURL } = require('url');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readfile-variants-'));
const small = path.join(dir, 'small.txt');
fs.writeFileSync(small, 'héllo\n');
const big = path.join(dir, 'big.bin');
const data = Buffer.alloc(1300 * 1024);
for (let i = 0; i < data.length; i++) data[i] = (i * 13) & 0xff;
fs.writeFileSync(big, data);
const steps = [
  (next) => fs.readFile(small, (e, b) => (console.log('buffer', e, Buffer.isBuffer(b), b.length), next())),
  (next) => fs.readFile(small, 'utf8', (e, s) => (console.log('utf8', e, JSON.stringify(s)), next())),
  (next) => fs.readFile(small, { encoding: 'hex' }, (e, s) => (console.log('hex', e, s), next())),
  // Node lets 'buffer' through its check, then fails to decode with it.
  (next) => fs.readFile(small, { encoding: 'buffer' }, (e, b) => (console.log('encoding buffer', e && e.code, b), next())),
  (next) => fs.readFile(Buffer.from(small), 'latin1', (e, s) => (console.log('Buffer path', e, s.length), next())),
  (next) => fs.readFile(pathToFileURL(small), 'utf8', (e, s) => (console.log('URL path', e, s.trim()), next())),
  (next) => fs.readFile(big, (e, b) => (console.log('big', e, b.length, b.equals(data)), next())),
  (next) => fs.readFile('/proc/self/stat', 'utf8', (e, s) => (console.log('unknown size', e, /^\d+ /.test(s)), next())),
  (next) =>
    fs.readFile(path.join(dir, 'made-by-flag'), { flag: 'a+' }, (e, b) => (console.log('flag a+', e, b.length, fs.existsSync(path.join(dir, 'made-by-flag'))), next())),
  (next) => {
    const fd = fs.openSync(small, 'r');
    fs.readSync(fd, Buffer.alloc(3), 0, 3, null);
    fs.readFile(fd, 'utf8', (e, s) => {
      console.log('fd from its position', e, JSON.stringify(s));
      fs.closeSync(fd);
      next();
    });
  },
  (next) => fs.readFile(dir, (e) => (console.log('directory', e.code, e.syscall, e.message), next())),
];
(function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
  else fs.rmSync(dir, { recursive: true });
})(0);
