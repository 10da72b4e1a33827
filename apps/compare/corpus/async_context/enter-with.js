// enterWith and exit, several storages at once, and run() returning its
// callback's value: what timers and immediates scheduled under each see.
const { AsyncLocalStorage } = require('async_hooks');
const a = new AsyncLocalStorage();
const b = new AsyncLocalStorage();
const show = (what) => console.log(what, JSON.stringify([a.getStore(), b.getStore()]));
console.log('run returns', a.run(1, () => 'value'));
a.run('A1', () => {
  b.run('B1', () => setTimeout(() => show('both'), 1));
  setTimeout(() => show('a only'), 2);
  a.exit(() => setTimeout(() => show('exited a'), 3));
});
setTimeout(() => {
  a.enterWith('entered');
  show('after enterWith');
  setTimeout(() => show('timer after enterWith'), 1);
  setImmediate(() => show('immediate after enterWith'));
}, 5);
setTimeout(() => show('timer before enterWith ran'), 10);
