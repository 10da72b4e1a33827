// Error.stackTraceLimit and Error.captureStackTrace in a timer: the limit
// counts the frames node shows, a cut-off function hides itself and those
// above it, and a limit of 0 leaves the message alone.
const show = (label, stack) => console.log(`${label}\n${stack.replaceAll(__dirname, '.').replace(/^ {4}at /gm, '    | ')}`);
function deep(n, fn) {
  return n === 0 ? fn() : deep(n - 1, fn);
}
setTimeout(function inTimer() {
  for (const limit of [0, 1, 2, 4, 10, Infinity]) {
    Error.stackTraceLimit = limit;
    show(
      `limit ${limit}`,
      deep(1, () => new Error('e').stack),
    );
  }
  Error.stackTraceLimit = 10;
  const holder = {};
  deep(2, function cutHere() {
    Error.captureStackTrace(holder, cutHere);
  });
  show('captureStackTrace', holder.stack);
  show(
    'deep recursion',
    deep(20, () => new Error('deep').stack),
  );
}, 1);
