// 10^6 setTimeout with delays spread over 0–100 ms, until all have fired.
// The delays come from a fixed-seed generator so both runtimes get the same
// set. Prints the elapsed milliseconds, excluding startup.
const N = Number(process.argv[2] || 1e6);
let seed = 12345;
function next() {
  seed = (seed * 1103515245 + 12345) & 0x7fffffff;
  return seed;
}
const start = Date.now();
let fired = 0;
function done() {
  if (++fired === N) console.log(`ms=${Date.now() - start}`);
}
for (let i = 0; i < N; i++) setTimeout(done, next() % 101);
