// A Dir from fs.opendir read with readSync and closed with closeSync, mixed
// with asynchronous reads, and the errors of a closed or busy Dir.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dir-sync-'));
for (let i = 0; i < 40; i++) fs.writeFileSync(path.join(dir, `e${i}`), '');
fs.opendir(dir, { bufferSize: 16 }, (err, d) => {
  const names = [];
  let e;
  while ((e = d.readSync()) !== null) names.push(e.name);
  console.log('readSync all', names.length, names.sort()[0], d.readSync());
  d.closeSync();
  for (const f of [() => d.readSync(), () => d.closeSync()]) {
    try {
      f();
    } catch (x) {
      console.log('closed', String(x));
    }
  }
  fs.opendir(dir, (err2, d2) => {
    let settled;
    const read = new Promise((r) => (settled = r));
    d2.read(() => settled());
    try {
      d2.readSync();
    } catch (x) {
      console.log('busy', String(x));
    }
    read.then(() =>
      setImmediate(() => {
        const next = d2.readSync();
        console.log('after the read settled', typeof next.name);
        d2.close((e3) => {
          console.log('closed async', e3);
          fs.rmSync(dir, { recursive: true });
        });
      }),
    );
  });
});
