// nextTicks scheduled from a nextTick run before any promise job; a nextTick
// scheduled from a promise job runs after the promise queue drains.
const log = (s) => console.log(s);
process.nextTick(() => {
  log('tick 1');
  process.nextTick(() => log('tick 1.1'));
  Promise.resolve().then(() => {
    log('promise from tick 1');
    process.nextTick(() => log('tick from promise'));
    Promise.resolve().then(() => log('promise from promise'));
  });
});
process.nextTick(() => log('tick 2'));
Promise.resolve().then(() => {
  log('promise 1');
  process.nextTick(() => log('tick from promise 1'));
});
Promise.resolve().then(() => log('promise 2'));
