// A ReadStream piped into a WriteStream (pipeline), FileHandle streams that
// close their handle, and readLines.
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const os = require('os');
const { pipeline } = require('stream/promises');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'stream-pipe-'));
const src = path.join(dir, 'src');
const data = Buffer.alloc(300000);
for (let i = 0; i < data.length; i++) data[i] = (i * 7) & 0xff;
fs.writeFileSync(src, data);
(async () => {
  await pipeline(fs.createReadStream(src), fs.createWriteStream(path.join(dir, 'copy')));
  console.log('pipeline copy equal', fs.readFileSync(path.join(dir, 'copy')).equals(data));
  const fh = await fsp.open(src);
  const rs = fh.createReadStream({ start: 100, end: 199 });
  let n = 0;
  for await (const c of rs) n += c.length;
  console.log('filehandle read stream', n, 'handle fd after', fh.fd);
  const out = await fsp.open(path.join(dir, 'fhout'), 'w');
  const ws = out.createWriteStream();
  let closed = false;
  out.on('close', () => (closed = true));
  ws.write('one ');
  ws.end('two');
  await new Promise((r) => ws.on('close', r));
  console.log('filehandle write stream', fs.readFileSync(path.join(dir, 'fhout'), 'utf8'), closed, out.fd);
  fs.writeFileSync(path.join(dir, 'lines'), 'first\nsecond\r\nthird\n\nlast');
  const lf = await fsp.open(path.join(dir, 'lines'));
  const lines = [];
  for await (const line of lf.readLines()) lines.push(line);
  console.log('readLines', lines);
  fs.rmSync(dir, { recursive: true });
})();
