// Microtasks drain after each immediate; immediates queued during the check
// phase wait for the next loop iteration.
const log = (s) => console.log(s);
setImmediate(() => {
  log('immediate 1');
  setImmediate(() => log('immediate from 1'));
  process.nextTick(() => log('tick from 1'));
  Promise.resolve().then(() => log('promise from 1'));
});
setImmediate(() => {
  log('immediate 2');
  process.nextTick(() => log('tick from 2'));
});
setImmediate(() => log('immediate 3'));
