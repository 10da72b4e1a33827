// Inside a timer callback the check phase comes before the next timers
// phase, so setImmediate always beats setTimeout(0) — even when the callback
// ran long enough for the new timer to be overdue.
const log = (s) => console.log(s);
setTimeout(() => {
  setTimeout(() => log('timeout 0'), 0);
  setImmediate(() => log('immediate'));
  process.nextTick(() => log('tick'));
}, 0);
setTimeout(() => {
  setTimeout(() => log('late timeout 0'), 0);
  const t = Date.now();
  while (Date.now() - t < 20);
  setImmediate(() => log('late immediate'));
}, 30);
