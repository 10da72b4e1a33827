// AsyncLocalStorage through fs: callbacks of every kind of pool request,
// chains of them (readFile is several), streams and the promise API, each
// in the store of the run() that started it, one at a time.
const { AsyncLocalStorage } = require('async_hooks');
const fs = require('fs');
const os = require('os');
const path = require('path');
const als = new AsyncLocalStorage();
const log = (what) => console.log(what, JSON.stringify(als.getStore()));
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'als-fs-'));
const file = path.join(dir, 'f.txt');
const steps = [
  (next) => als.run({ id: 'stat' }, () => fs.stat(__filename, () => (log('stat'), next()))),
  (next) => als.run({ id: 'writeFile' }, () => fs.writeFile(file, 'x'.repeat(100000), () => (log('writeFile'), next()))),
  (next) => als.run({ id: 'readFile' }, () => fs.readFile(file, (e, b) => (log(`readFile ${b.length}`), next()))),
  (next) => als.run({ id: 'open' }, () => fs.open(file, 'r', (e, fd) => {
    log('open');
    als.run({ id: 'read' }, () => fs.read(fd, Buffer.alloc(10), 0, 10, 0, () => {
      log('read');
      fs.close(fd, () => (log('close after read'), next()));
    }));
  })),
  (next) => als.run({ id: 'stream' }, () => {
    let chunks = 0;
    fs.createReadStream(file, { highWaterMark: 16384 })
      .on('data', () => chunks++)
      .on('end', () => log(`stream end after ${chunks} chunks`))
      .on('close', () => (log('stream close'), next()));
  }),
  (next) => als.run({ id: 'promises' }, async () => {
    const h = await fs.promises.open(file);
    log('promises open');
    await h.read(Buffer.alloc(4), 0, 4, 0);
    log('promises read');
    await h.close();
    log('promises close');
    next();
  }),
  (next) => als.run({ id: 'rm' }, () => fs.rm(dir, { recursive: true }, () => (log('rm'), next()))),
];
(function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
  else log('done');
})(0);
