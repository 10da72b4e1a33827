// enterWith and exit, several storages at once, and run() returning its
// callback's value: what timers and immediates scheduled under each see.
// One step at a time, so no two timers race.
const { AsyncLocalStorage } = require('async_hooks');
const a = new AsyncLocalStorage();
const b = new AsyncLocalStorage();
const show = (what) => console.log(what, JSON.stringify([a.getStore(), b.getStore()]));
console.log('run returns', a.run(1, () => 'value'));
const steps = [
  (next) => a.run('A1', () => b.run('B1', () => setTimeout(() => (show('both'), next()), 1))),
  (next) => a.run('A2', () => setTimeout(() => (show('a only'), next()), 1)),
  (next) => a.run('A3', () => a.exit(() => setTimeout(() => (show('exited a'), next()), 1))),
  (next) => {
    const before = setTimeout(() => (show('timer made before enterWith'), next()), 20);
    setTimeout(() => {
      a.enterWith('entered');
      show('after enterWith');
      setImmediate(() => show('immediate after enterWith'));
      setTimeout(() => (show('timer after enterWith'), before.refresh()), 1);
    }, 1);
  },
];
(function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
})(0);
