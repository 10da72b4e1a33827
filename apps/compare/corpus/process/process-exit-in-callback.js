// process.exit() in a callback ends at once: later timers, pending
// immediates, nextTicks and promise jobs do not run; exit listeners do.
process.on('exit', (code) => console.log('exit', code));
process.on('beforeExit', () => console.log('beforeExit must not fire'));
setTimeout(() => {
  console.log('timer 1');
  process.nextTick(() => console.log('tick: must not run'));
  Promise.resolve().then(() => console.log('promise: must not run'));
  setImmediate(() => console.log('immediate: must not run'));
  process.exit(5);
  console.log('after exit: must not run');
}, 1);
setTimeout(() => console.log('timer 2: must not run'), 1);
