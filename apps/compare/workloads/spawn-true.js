// `spawn('true')` N times one after another, each waited for to its close.
// Prints "ms=<elapsed>" for the whole run.
const { spawn } = require('child_process');
const n = Number(process.argv[2] || 200);
const start = process.hrtime.bigint();
let left = n;
(function next() {
  if (left-- === 0) {
    console.log(`ms=${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(3)}`);
    return;
  }
  spawn('true').on('close', next);
})();
