// Inside an immediate callback a setTimeout(0) is due by the next timers
// phase, which comes before the next check phase only if 1 ms has elapsed;
// busy-waiting makes it so, and the timer wins.
const log = (s) => console.log(s);
setImmediate(() => {
  setTimeout(() => log('timeout 0'), 0);
  setImmediate(() => log('immediate'));
  const t = Date.now();
  while (Date.now() - t < 5);
});
