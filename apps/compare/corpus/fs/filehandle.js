// FileHandle: reads and writes in every argument form, their null-prototype
// results, stat/truncate/sync/chmod/utimes, readFile/writeFile/appendFile,
// and what a closed handle answers.
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'filehandle-'));
const f = path.join(dir, 'data');
(async () => {
  const fh = await fsp.open(f, 'w+');
  console.log('fd is a number', typeof fh.fd, fh instanceof require('events'));
  console.log('write buffer', await fh.write(Buffer.from('0123456789')));
  console.log('write string at 2', await fh.write('ab', 2));
  console.log('write with options', await fh.write(Buffer.from('XYZ'), { offset: 1, length: 2, position: 8 }));
  console.log('write empty', await fh.write(Buffer.alloc(0)));
  console.log('writev', (await fh.writev([Buffer.from('-'), Buffer.from('+')], 10)).bytesWritten);
  console.log('read positional', await fh.read(Buffer.alloc(4), 0, 4, 0));
  const r = await fh.read({ buffer: Buffer.alloc(3), position: 3 });
  console.log('read options', r.bytesRead, r.buffer.toString());
  const d = await fh.read();
  console.log('read default', d.bytesRead, d.buffer.length);
  const a = Buffer.alloc(2), b = Buffer.alloc(3);
  const rv = await fh.readv([a, b], 1);
  console.log('readv', rv.bytesRead, a.toString(), b.toString(), rv.buffers.length);
  console.log('stat', (await fh.stat()).size, typeof (await fh.stat({ bigint: true })).size);
  await fh.truncate(5);
  console.log('truncate', (await fh.stat()).size);
  console.log('sync', await fh.sync(), await fh.datasync());
  await fh.chmod(0o640);
  console.log('chmod', ((await fh.stat()).mode & 0o777).toString(8));
  await fh.utimes(1000, 2000);
  console.log('utimes', (await fh.stat()).mtimeMs);
  console.log('chown', await fh.chown(-1, -1));
  await fh.writeFile('whole');
  await fh.appendFile('+tail');
  console.log('readFile from position', JSON.stringify(await fh.readFile('utf8')));
  console.log('read after end', (await fh.read(Buffer.alloc(4), 0, 4, null)).bytesRead);
  let closed = 0;
  fh.on('close', () => closed++);
  await fh.close();
  console.log('closed', fh.fd, closed, await fh.close());
  for (const [name, call] of [['stat', () => fh.stat()], ['read', () => fh.read()], ['write', () => fh.write('x')], ['truncate', () => fh.truncate()], ['readFile', () => fh.readFile()], ['sync', () => fh.sync()]]) {
    try {
      await call();
    } catch (e) {
      console.log('closed', name, e.message, e.code, e.syscall);
    }
  }
  const bad = await fsp.open(f, 'r');
  for (const args of [[Buffer.alloc(2), -1], [Buffer.alloc(2), 0, 3], ['str'], [Buffer.alloc(2), 0, 1, 'x']]) {
    try {
      await bad.read(...args);
    } catch (e) {
      console.log('bad read', String(e));
    }
  }
  try {
    await bad.write(Buffer.from('x'));
  } catch (e) {
    console.log('write on read-only', e.code, e.syscall, e.message);
  }
  await bad.close();
  try {
    await fsp.open(path.join(dir, 'missing'));
  } catch (e) {
    console.log('open missing', e.code, e.message.split(dir).join('D'));
  }
  fs.rmSync(dir, { recursive: true });
})();
