// The Immediate object: class, hasRef/unref/ref, clearImmediate, arguments.
const a = setImmediate((x, y) => console.log('a', x, y), 1, 'two');
console.log(a.constructor.name, a.hasRef(), a.unref() === a, a.hasRef(), a.ref() === a, a.hasRef());
const b = setImmediate(() => console.log('b must not run'));
clearImmediate(b);
setImmediate(() => {
  console.log('c');
  clearImmediate(d);
});
const d = setImmediate(() => console.log('d must not run'));
const e = setImmediate(() => console.log('e unref only: runs if something else keeps the loop'));
e.unref();
clearImmediate(undefined);
clearImmediate({});
