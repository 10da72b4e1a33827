// A chain of 10^6 setImmediate, each scheduling the next. Prints the elapsed
// milliseconds, excluding startup.
const N = Number(process.argv[2] || 1e6);
const start = Date.now();
let n = 0;
function step() {
  if (++n < N) setImmediate(step);
  else console.log(`ms=${Date.now() - start}`);
}
setImmediate(step);
