// <N> fs.readFile calls of a 4 KiB file with 32 in flight: each is four
// pool requests (open, fstat, read, close). Prints "ops=<reads per second>".
const fs = require('fs');
const os = require('os');
const path = require('path');
const N = Number(process.argv[2] || 5000);
const IN_FLIGHT = 32;
const file = path.join(os.tmpdir(), `mini-bench-readfile-${process.pid}`);
fs.writeFileSync(file, Buffer.alloc(4096, 'x'));
let started = 0;
let done = 0;
let t0;
function one() {
  started++;
  fs.readFile(file, (err, data) => {
    if (err) throw err;
    if (data.length !== 4096) throw new Error(`read ${data.length} bytes`);
    if (++done === N) {
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      fs.unlinkSync(file);
      console.log(`ops=${Math.round(N / s)}`);
    } else if (started < N) one();
  });
}
// Warm-up reads first, the same on both sides: this measures the requests
// in a steady state, not the first call nor the compiler catching up.
const WARM_UP = 1000;
let warmed = 0;
function warm() {
  fs.readFile(file, () => {
    if (++warmed < WARM_UP) return warm();
    t0 = process.hrtime.bigint();
    for (let i = 0; i < IN_FLIGHT; i++) one();
  });
}
warm();
