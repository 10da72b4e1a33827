// Two promise chains interleave one step at a time; await costs the same
// number of ticks as a resolved .then; a returned thenable costs two more.
const log = (s) => console.log(s);
Promise.resolve()
  .then(() => log('a1'))
  .then(() => log('a2'))
  .then(() => log('a3'));
Promise.resolve()
  .then(() => log('b1'))
  .then(() => log('b2'))
  .then(() => log('b3'));
(async () => {
  log('async start');
  await null;
  log('async after await 1');
  await null;
  log('async after await 2');
})();
Promise.resolve()
  .then(() => Promise.resolve('inner'))
  .then((v) => log(`c got ${v}`));
Promise.resolve()
  .then(() => log('d1'))
  .then(() => log('d2'))
  .then(() => log('d3'))
  .then(() => log('d4'));
