// ReadStream: chunks as highWaterMark, start and end cut them, the event
// order open, ready, data…, end, close, and bytesRead.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'readstream-'));
const f = path.join(dir, 'data');
fs.writeFileSync(f, Buffer.from(Array.from({ length: 1000 }, (_, i) => 97 + (i % 26))));
const runs = [
  [{}, 'defaults'],
  [{ highWaterMark: 300 }, 'hwm 300'],
  [{ start: 10, end: 19 }, 'start 10 end 19'],
  [{ start: 990 }, 'start 990'],
  [{ end: 0 }, 'end 0'],
  [{ start: 5, end: 704, highWaterMark: 256 }, 'range with hwm'],
  [{ encoding: 'utf8', highWaterMark: 400 }, 'utf8'],
  ['hex', 'string options'],
  [{ start: 2000 }, 'past the end'],
];
let i = 0;
function next() {
  if (i === runs.length) return fs.rmSync(dir, { recursive: true });
  const [opts, label] = runs[i++];
  const events = [];
  const rs = fs.createReadStream(f, opts);
  console.log(label, rs instanceof fs.ReadStream, rs.pending, rs.path === f, rs.start, rs.end, rs.readableHighWaterMark);
  rs.on('open', (fd) => events.push(`open:${typeof fd}`));
  rs.on('ready', () => events.push('ready'));
  rs.on('data', (c) => events.push(`data:${typeof c === 'string' ? 's' : 'b'}${c.length}:${c.slice(0, 3).toString()}`));
  rs.on('end', () => events.push(`end:${rs.bytesRead}`));
  rs.on('close', () => {
    events.push(`close:${rs.fd}`);
    console.log(' ', events.join(' '));
    next();
  });
}
next();
