// 200 stats in flight at once: every callback runs once, each with its
// nextTicks and promise jobs drained before the next callback.
const fs = require('fs');
const N = 200;
let done = 0;
const log = [];
for (let i = 0; i < N; i++) {
  fs.stat(__filename, (err, st) => {
    if (err) throw err;
    done++;
    process.nextTick(() => log.push('t'));
    Promise.resolve().then(() => log.push('p'));
    log.push('c');
    if (done === N) {
      setImmediate(() => {
        let ok = true;
        for (let j = 0; j < log.length; j += 3) if (log.slice(j, j + 3).join('') !== 'ctp') ok = false;
        console.log('all done', done, log.length, 'interleaving ctp:', ok);
      });
    }
  });
}
console.log('queued', N);
