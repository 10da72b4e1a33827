// WriteStream batching: corked writes go out together (one writev), their
// callbacks run in order, then 'finish' and 'close'; bytesWritten counts all.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cork-'));
const f = path.join(dir, 'out');
const ws = fs.createWriteStream(f);
const ev = [];
ws.on('open', () => {
  ws.cork();
  for (let i = 0; i < 5; i++) ws.write(`chunk${i};`, () => ev.push(`cb${i}`));
  process.nextTick(() => ws.uncork());
  ws.write('after;', () => {
    ev.push('cb-after');
    ws.end('end', () => ev.push('end-cb'));
  });
});
ws.on('finish', () => ev.push(`finish ${ws.bytesWritten}`));
ws.on('close', () => {
  console.log(ev.join(' '));
  console.log(fs.readFileSync(f, 'utf8'));
  fs.rmSync(dir, { recursive: true });
});
