// A timer cleared before the loop runs never fires; clearing from one
// timer's callback a sibling due at the same time stops the sibling.
const log = (s) => console.log(s);
const a = setTimeout(() => log('a must not fire'), 0);
clearTimeout(a);
let b;
setTimeout(() => {
  log('first');
  clearTimeout(b);
}, 5);
b = setTimeout(() => log('b must not fire'), 5);
setTimeout(() => log('third'), 5);
const i = setImmediate(() => log('immediate must not run'));
process.nextTick(() => clearImmediate(i));
