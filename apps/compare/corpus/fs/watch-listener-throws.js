// A 'change' listener that throws, with an uncaughtException handler: the
// exception is reported and the events behind it in the same batch are
// still delivered, in order.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-throw-'));
process.on('uncaughtException', (err) => console.log('uncaught', err.message));
let calls = 0;
const watcher = fs.watch(dir, (eventType, filename) => {
  calls++;
  console.log('event', calls, eventType, filename);
  if (calls === 1) throw new Error('listener failed');
  if (calls === 3) {
    watcher.close();
    fs.rmSync(dir, { recursive: true });
  }
});
for (let i = 0; i < 3; i++) fs.closeSync(fs.openSync(path.join(dir, `f${i}`), 'w'));
