// The first asynchronous fs call of a fresh process: from the call to its
// callback, so the cost of starting the thread pool is in it. Prints
// "ms=<elapsed>" with microsecond resolution.
const fs = require('fs');
const start = process.hrtime.bigint();
fs.stat(__filename, (err) => {
  if (err) throw err;
  console.log(`ms=${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(3)}`);
});
