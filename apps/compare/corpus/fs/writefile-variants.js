// writeFile and appendFile: strings in encodings, Buffers, typed arrays,
// flags, modes, descriptors, flush, and an aborted signal (whose callback
// node calls at once).
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writefile-'));
const f = path.join(dir, 'out');
const show = (label) => (...a) => console.log(label, a.length, a[0] && `${a[0].name} ${a[0].code} ${a[0].message.split(dir).join('D')}`, fs.existsSync(f) ? JSON.stringify(fs.readFileSync(f, 'latin1')) : '-');
const steps = [
  (n) => fs.writeFile(f, 'héllo', (...a) => (show('utf8')(...a), n())),
  (n) => fs.writeFile(f, 'héllo', 'latin1', (...a) => (show('latin1')(...a), n())),
  (n) => fs.writeFile(f, '68656c6c6f', { encoding: 'hex' }, (...a) => (show('hex')(...a), n())),
  (n) => fs.writeFile(f, Buffer.from('buf'), (...a) => (show('buffer')(...a), n())),
  (n) => fs.writeFile(f, new Uint16Array([0x4142, 0x4344]), (...a) => (show('Uint16Array')(...a), n())),
  (n) => fs.writeFile(f, new DataView(new ArrayBuffer(3)), (...a) => (show('DataView')(...a), n())),
  (n) => fs.writeFile(f, 'x', { flag: 'wx' }, (...a) => (show('wx on existing')(...a), n())),
  (n) => fs.writeFile(f, 'more', { flag: 'a' }, (...a) => (show('flag a')(...a), n())),
  (n) => fs.appendFile(f, '+app', (...a) => (show('appendFile')(...a), n())),
  (n) => fs.appendFile(f, Buffer.from('+buf'), { flag: 'w' }, (...a) => (show('appendFile flag w')(...a), n())),
  (n) => fs.writeFile(f, 'flushed', { flush: true }, (...a) => (show('flush')(...a), n())),
  (n) => fs.writeFile(path.join(dir, 'moded'), 'm', { mode: 0o640 }, (...a) => (console.log('mode', a, (fs.statSync(path.join(dir, 'moded')).mode & 0o777).toString(8)), n())),
  (n) => fs.writeFile(dir, 'x', (...a) => (show('on a folder')(...a), n())),
  (n) => fs.writeFile(path.join(dir, 'no/such'), 'x', (...a) => (show('missing parent')(...a), n())),
  (n) => {
    const fd = fs.openSync(f, 'w');
    fs.writeFile(fd, 'via fd', (...a) => {
      fs.writeFile(fd, '+again', (...b) => (show('fd twice')(...a, ...b), fs.closeSync(fd), n()));
    });
  },
  (n) => {
    const fd = fs.openSync(f, 'r+');
    fs.appendFile(fd, 'AP', (...a) => (show('appendFile fd writes at position')(...a), fs.closeSync(fd), n()));
  },
  (n) => {
    const ac = new AbortController();
    ac.abort('stop');
    let sync = true;
    fs.writeFile(path.join(dir, 'aborted'), 'x', { signal: ac.signal }, (e) => {
      console.log('aborted', sync, e.name, e.code, e.cause, fs.existsSync(path.join(dir, 'aborted')));
    });
    sync = false;
    n();
  },
  (n) => fs.promises.writeFile(f, 'promised').then((v) => (show('promise')(v), n())),
  (n) => fs.promises.appendFile(f, ['a', 'b'].join('-')).then((v) => (show('promise append')(v), n())),
  (n) => fs.promises.writeFile(f, (function* () { yield 'it'; yield Buffer.from('er'); })()).then((v) => (show('promise iterable')(v), n())),
  (n) => fs.promises.writeFile(dir, 'x').catch((e) => (show('promise on folder')(e), n())),
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : fs.rmSync(dir, { recursive: true }));
next();
