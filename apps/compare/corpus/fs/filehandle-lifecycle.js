// FileHandle lifecycle: close() waits for operations in flight, runs once,
// emits 'close' once; fsp.readFile/writeFile/appendFile accept a handle and
// leave it open.
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fh-life-'));
const f = path.join(dir, 'data');
fs.writeFileSync(f, 'y'.repeat(300000));
(async () => {
  const fh = await fsp.open(f, 'r+');
  const events = [];
  fh.on('close', () => events.push('close event'));
  const read = fh.read(Buffer.alloc(200000), 0, 200000, 0).then((r) => events.push(`read done ${r.bytesRead}`));
  const closing = fh.close().then(() => events.push(`closed fd=${fh.fd}`));
  const again = fh.close().then(() => events.push('second close'));
  const late = fh.stat().then(() => events.push('late stat ok'), (e) => events.push(`late stat ${e.code} ${e.message}`));
  await Promise.all([read, closing, again, late]);
  // The read and the stat are in flight together: either may finish first.
  console.log([events[0], ...events.slice(1, 3).sort(), ...events.slice(3)]);
  const h2 = await fsp.open(path.join(dir, 'w'), 'w+');
  await fsp.writeFile(h2, 'via handle');
  await fsp.appendFile(h2, ' and more');
  console.log('handle still open', h2.fd > 0);
  const back = await fsp.readFile(h2, 'utf8');
  console.log('readFile(handle) from its position', JSON.stringify(back));
  console.log('whole', fs.readFileSync(path.join(dir, 'w'), 'utf8'));
  await h2.close();
  const h3 = await fsp.open(f);
  console.log('readFile of a handle', (await h3.readFile()).length, (await h3.readFile()).length);
  await h3.close();
  fs.rmSync(dir, { recursive: true });
})();
// Symbol.asyncDispose closes the handle, as `await using` would.
(async () => {
  await new Promise((r) => setTimeout(r, 100));
  const fh = await fsp.open(__filename);
  console.log('asyncDispose', typeof fh[Symbol.asyncDispose], fh.fd > 0);
  await fh[Symbol.asyncDispose]();
  console.log('after dispose', fh.fd);
})();
