// With an uncaughtException listener the loop goes on: later timers fire,
// the exit status stays 0.
let caught = 0;
process.on('uncaughtException', (err, origin) => {
  caught++;
  console.log('caught', err.message, 'origin', origin);
});
setTimeout(() => {
  console.log('timer 1');
  throw new Error('from timer 1');
}, 1);
// Same duration as timer 1: it is due in the same timers phase, so it runs
// right after the handler, before the immediate.
setTimeout(() => console.log('timer 2 still runs'), 1);
setImmediate(() => {
  throw new Error('from immediate');
});
process.nextTick(() => {
  throw new Error('from nextTick');
});
process.on('exit', (c) => console.log('exit', c, 'caught', caught));
