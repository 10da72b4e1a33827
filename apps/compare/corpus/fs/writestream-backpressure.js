// WriteStream: write() returns false past highWaterMark and 'drain' follows;
// chunks queued during a write go out together; finish, close, bytesWritten.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writestream-'));
const f = path.join(dir, 'out');
const ws = fs.createWriteStream(f, { highWaterMark: 1024 });
console.log('pending', ws.pending, ws instanceof fs.WriteStream, ws.writableHighWaterMark);
const ev = [];
ws.on('open', (fd) => ev.push(`open:${typeof fd}`));
ws.on('ready', () => ev.push('ready'));
let drains = 0;
let falses = 0;
let written = 0;
const chunk = Buffer.alloc(700, 'a');
function pump() {
  while (written < 20) {
    written++;
    if (!ws.write(chunk)) {
      falses++;
      ws.once('drain', () => {
        drains++;
        pump();
      });
      return;
    }
  }
  ws.end('tail', () => ev.push('end-cb'));
}
pump();
ws.on('finish', () => ev.push(`finish:${ws.bytesWritten}`));
ws.on('close', () => {
  ev.push('close');
  console.log(ev.join(' '));
  console.log('falses', falses, 'drains', drains, 'size', fs.statSync(f).size, 'fd', ws.fd);
  fs.rmSync(dir, { recursive: true });
});
