// Since Node 11 the microtask queues drain after each timer callback, not
// after the whole list of expired timers.
const log = (s) => console.log(s);
setTimeout(() => {
  log('timer 1');
  process.nextTick(() => log('tick from timer 1'));
  Promise.resolve().then(() => log('promise from timer 1'));
}, 1);
setTimeout(() => {
  log('timer 2');
  process.nextTick(() => log('tick from timer 2'));
}, 1);
setTimeout(() => log('timer 3'), 1);
