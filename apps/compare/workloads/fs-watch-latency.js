// fs.watch write-to-event latency: one byte is written to a watched file,
// and the time from the write's return (the kernel has queued the event by
// then) to the watcher's 'change' callback is taken, so the figure is the
// watcher's own path and not the cost of the write call;
// the next write waits for that event (so inotify never coalesces two) and
// for a turn of the loop. Prints "us=<median>" (microseconds) over N writes
// (default 5000) after W more (default 20000).
const fs = require('fs');
const os = require('os');
const path = require('path');

const n = Number(process.argv[2] ?? 5000);
// Events first delivered and not counted, so the figure is the steady
// state of both runtimes rather than how soon each one's JIT gets there.
const warmup = Number(process.argv[3] ?? 20000);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-watch-'));
const file = path.join(dir, 'f');
fs.writeFileSync(file, '');
const samples = [];
let start = 0n;
let seen = 0;
const watcher = fs.watch(file, () => {
  if (start === 0n) return;
  const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
  start = 0n;
  if (seen++ >= warmup) samples.push(elapsed);
  if (samples.length === n) return finish();
  setImmediate(write);
});
const fd = fs.openSync(file, 'a');
function write() {
  fs.writeSync(fd, 'x');
  start = process.hrtime.bigint();
}
function finish() {
  watcher.close();
  fs.closeSync(fd);
  fs.rmSync(dir, { recursive: true });
  samples.sort((a, b) => a - b);
  console.log(`us=${(samples[samples.length >> 1] * 1000).toFixed(2)}`);
}
setTimeout(write, 10);
