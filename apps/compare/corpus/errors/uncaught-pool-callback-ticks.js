// A thread-pool callback throws: the handler runs, then the rest of the
// iteration, and the next request completes as usual.
const fs = require('fs');
process.on('uncaughtException', (err) => {
  console.log('caught', err.message);
  setImmediate(() => console.log('immediate from handler'));
});
fs.stat(__filename, () => {
  setTimeout(() => {
    console.log('timeout from stat');
    // Started here, not from a timer of its own, so no load on the machine can put it first.
    fs.stat(__filename, (err, st) => console.log('second stat', err, st.isFile()));
  }, 0);
  setImmediate(() => console.log('immediate from stat'));
  process.nextTick(() => console.log('tick from stat'));
  throw new Error('in stat');
});
