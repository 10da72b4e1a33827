// A nextTick chain of depth 1000 finishes before the first promise job.
let n = 0;
function again() {
  if (++n < 1000) process.nextTick(again);
  else console.log('ticks done', n);
}
process.nextTick(again);
Promise.resolve().then(() => console.log('promise after', n, 'ticks'));
setImmediate(() => console.log('immediate'));
