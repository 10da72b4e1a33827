// A nextTick callback and promise jobs: node's task-queue frame where it
// drains them after a callback, and none where V8 runs them by itself.
const show = (label, err) => console.log(`${label}\n${err.stack.replaceAll(__dirname, '.').replace(/^ {4}at /gm, '    | ')}`);

process.nextTick(function tick() {
  show('tick', new Error('a'));
});
Promise.resolve().then(function job() {
  show('promise job after a tick', new Error('b'));
});
setTimeout(() => {
  process.nextTick(() => show('tick in a timer', new Error('c')));
  Promise.resolve().then(() => show('promise job in a timer', new Error('d')));
}, 1);
setImmediate(async () => {
  await null;
  show('after await in an immediate', new Error('e'));
});
