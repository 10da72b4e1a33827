// Extra arguments reach the callbacks; `this` is the handle for timers.
const t = setTimeout(function (a, b, c) {
  console.log('timeout', a, b, c, this === t);
}, 1, 'x', 2, { three: 3 });
let n = 0;
const i = setInterval(function (a) {
  console.log('interval', a, ++n, this === i);
  if (n === 2) {
    clearInterval(i);
    setImmediate(immediate, 'p', 'q');
  }
}, 2, 'arg');
// From the main module an immediate races a 1 ms timer, so it starts from
// the interval's last run.
function immediate(...args) {
  console.log('immediate', args, this === globalThis, typeof this);
}
