// close() from inside the watcher's own listener: the events still queued
// in the same batch are not delivered, 'close' comes once on a later tick,
// and closing again (or ref/unref after close) is harmless.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-cic-'));
let calls = 0;
const watcher = fs.watch(dir, (eventType, filename) => {
  calls++;
  console.log('event', eventType, filename);
  watcher.close();
  console.log('closed inside, again:', watcher.close());
  process.nextTick(() => console.log('tick after close'));
});
watcher.on('close', () => {
  console.log('close event, calls =', calls);
  console.log('ref after close returns the watcher:', watcher.ref() === watcher, watcher.unref() === watcher);
  setTimeout(() => {
    console.log('calls after 50 ms =', calls);
    fs.rmSync(dir, { recursive: true });
  }, 50);
});
// Five creations in one go: all five are in the kernel queue before the loop reads.
for (let i = 0; i < 5; i++) fs.closeSync(fs.openSync(path.join(dir, `f${i}`), 'w'));

// A watcher closed before any event: 'close' still comes, once.
const idle = fs.watch(dir);
idle.on('close', () => console.log('idle closed'));
idle.close();
idle.close();
