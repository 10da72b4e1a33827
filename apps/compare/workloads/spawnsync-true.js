// `spawnSync('true')` N times. Prints "ms=<elapsed>" for the whole run.
const { spawnSync } = require('child_process');
const n = Number(process.argv[2] || 200);
const start = process.hrtime.bigint();
for (let i = 0; i < n; i++) spawnSync('true');
console.log(`ms=${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(3)}`);
