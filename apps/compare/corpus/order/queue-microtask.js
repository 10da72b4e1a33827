// queueMicrotask shares the promise job queue: FIFO with .then callbacks.
const log = (s) => console.log(s);
queueMicrotask(() => log('qm 1'));
Promise.resolve().then(() => log('then 1'));
queueMicrotask(() => {
  log('qm 2');
  queueMicrotask(() => log('qm 2.1'));
  process.nextTick(() => log('tick from qm 2'));
});
Promise.resolve().then(() => log('then 2'));
process.nextTick(() => log('tick'));
try {
  queueMicrotask('nope');
} catch (e) {
  log(`${e.code}: ${e.message}`);
}
