// util.format and util.inspect options that console.log builds on.
const util = require('util');
console.log(util.format('%s:%s', 'a'), util.format('%d', '0x10'), util.format('%i', 'abc'));
console.log(util.inspect({ a: { b: { c: {} } } }, { depth: 0 }));
console.log(util.inspect('str'), util.inspect([1, [2, [3, [4]]]], { depth: 1 }));
console.log(util.inspect({ b: 2, a: 1 }, { sorted: true, compact: false }));
console.log(util.inspect(new Map([[1, 2]]), { showHidden: true }));
const custom = { [util.inspect.custom]: () => 'I am custom' };
console.log(custom, [custom]);
console.log(util.inspect('x'.repeat(20), { maxStringLength: 5 }), util.inspect(Array(200).fill(0), { maxArrayLength: 3 }));
console.log(util.types.isPromise(Promise.resolve()), util.isDeepStrictEqual({ a: [1] }, { a: [1] }));
