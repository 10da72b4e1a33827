// AsyncLocalStorage through timers: each callback sees the store of the
// run() that scheduled it, an interval on every run, a refreshed timeout
// its own, immediates theirs, and a timer made outside any run() none.
// One step at a time, so no two timers race.
const { AsyncLocalStorage } = require('async_hooks');
const als = new AsyncLocalStorage();
const log = (what) => console.log(what, JSON.stringify(als.getStore()));
const steps = [
  (next) => setTimeout(() => (log('outside'), next()), 1),
  (next) =>
    als.run({ id: 'a' }, () =>
      setTimeout(() => {
        log('timeout a');
        als.run({ id: 'nested' }, () => setTimeout(() => (log('nested in a'), next()), 1));
      }, 1),
    ),
  (next) => als.run({ id: 'a2' }, () => setTimeout(() => setTimeout(() => (log('scheduled by a2'), next()), 1), 1)),
  (next) =>
    als.run({ id: 'b' }, () => {
      let n = 0;
      const t = setInterval(() => {
        log(`interval b run ${n}`);
        if (++n === 3) (clearInterval(t), next());
      }, 2);
    }),
  (next) => {
    const t = als.run({ id: 'c' }, () => setTimeout(() => (log('refreshed c'), next()), 30));
    als.run({ id: 'd' }, () => setTimeout(() => (log('refresh from d'), t.refresh()), 5));
  },
  (next) =>
    als.run({ id: 'e' }, () =>
      setImmediate(() => {
        log('immediate e');
        setImmediate(() => (log('immediate from e'), next()));
      }),
    ),
  (next) => als.run({ id: 'f' }, () => setTimeout((x, y) => (log(`timeout f args ${x} ${y}`), next()), 1, 1, 2)),
  (next) => als.run({ id: 'g' }, () => require('timers/promises').setTimeout(1, 'v').then((v) => (log(`timers/promises ${v}`), next()))),
];
(function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
})(0);
log('top level');
