// refresh() on a pending timeout pushes its deadline out from now: due at
// 30 ms, refreshed at 20 ms, it fires 30 ms after the refresh, not before.
// (Each line holds however late a loaded machine runs the timers.)
const start = Date.now();
let refreshedAt = 0;
const short = setTimeout(() => {
  console.log('short fired', Date.now() - refreshedAt >= 29 ? '>=30ms after the refresh' : 'too early');
}, 30);
setTimeout(() => {
  refreshedAt = Date.now();
  short.refresh();
  console.log('refreshed short at', refreshedAt - start >= 20 ? '>=20ms' : '<20ms');
}, 20);
