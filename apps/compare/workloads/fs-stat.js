// <N> fs.stat calls with 64 in flight: the pool's round trip (submit, a
// thread's statx, the wakeup, the callback). Prints "ops=<stats per second>".
const fs = require('fs');
const N = Number(process.argv[2] || 1e5);
const IN_FLIGHT = 64;
let started = 0;
let done = 0;
let t0;
function one() {
  started++;
  fs.stat(__filename, (err) => {
    if (err) throw err;
    if (++done === N) {
      const s = Number(process.hrtime.bigint() - t0) / 1e9;
      console.log(`ops=${Math.round(N / s)}`);
    } else if (started < N) one();
  });
}
// One warm-up call first: this measures the round trip, not the first call.
fs.stat(__filename, () => {
  t0 = process.hrtime.bigint();
  for (let i = 0; i < IN_FLIGHT; i++) one();
});
