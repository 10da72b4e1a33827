// An immediate throws; the uncaught-exception handler runs, then the rest
// of that check phase, before the ticks the handler queued.
process.on('uncaughtException', (err) => {
  console.log('caught', err.message);
  setImmediate(() => console.log('immediate from handler'));
  process.nextTick(() => console.log('tick from handler'));
});
setTimeout(() => {
  setImmediate(() => {
    console.log('first');
    throw new Error('in immediate');
  });
  setImmediate(() => console.log('second immediate'));
  setImmediate(() => console.log('third immediate'));
  setTimeout(() => console.log('timeout 0'), 0);
}, 1);
