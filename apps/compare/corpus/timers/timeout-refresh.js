// refresh() on a pending timeout pushes its deadline out from now: short
// would fire before middle, but refreshed at 20 ms it fires at 50 ms or later.
const start = Date.now();
const short = setTimeout(() => console.log('short'), 30);
setTimeout(() => console.log('middle'), 35);
setTimeout(() => {
  short.refresh();
  console.log('refreshed short at', Date.now() - start >= 20 ? '>=20ms' : '<20ms');
}, 20);
