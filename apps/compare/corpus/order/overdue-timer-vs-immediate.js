// A timer already overdue when the loop starts runs before the first
// immediate: timers run once before the first loop iteration.
const log = (s) => console.log(s);
setTimeout(() => log('timeout 1'), 1);
setImmediate(() => log('immediate'));
const t = Date.now();
while (Date.now() - t < 20);
log('main done');
