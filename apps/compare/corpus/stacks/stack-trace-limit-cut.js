// Error.stackTraceLimit cuts a stack after the frames node shows, not after
// the runtime's own: the program's frames past a require() chain (the
// loader's frames between them), and a timer's and an immediate's dispatch
// at small limits.
const show = (label, stack) => console.log(`${label}\n${stack.replaceAll(__dirname, '.').replace(/^ {4}at /gm, '    | ')}`);
function deep(n, fn) {
  return n === 0 ? fn() : deep(n - 1, fn);
}
for (const limit of [3, 5, 8, 10, 12]) {
  Error.stackTraceLimit = limit;
  delete require.cache[require.resolve('./fixtures/limit-chain/outer.js')];
  delete require.cache[require.resolve('./fixtures/limit-chain/inner.js')];
  show(`required, limit ${limit}`, (function requireOuter() { return require('./fixtures/limit-chain/outer.js'); })().atTopLevel);
}
Error.stackTraceLimit = 10;
setTimeout(function inTimer() {
  for (const limit of [1, 2, 3, 4]) {
    Error.stackTraceLimit = limit;
    show(`timer, limit ${limit}`, deep(0, () => new Error('t').stack));
  }
  Error.stackTraceLimit = 10;
  setImmediate(function inImmediate() {
    for (const limit of [2, 3]) {
      Error.stackTraceLimit = limit;
      show(`immediate, limit ${limit}`, new Error('i').stack);
    }
    Error.stackTraceLimit = 10;
  });
}, 1);
