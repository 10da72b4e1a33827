// A Timeout and an Immediate as util.inspect shows them: Node's fields and
// symbols, no more (values that depend on the run are masked).
const util = require('util');
const mask = (s) => s.replace(/_idleStart: \d+/, '_idleStart: N').replace(/\[Symbol\(asyncId\)\]: \d+/, '[Symbol(asyncId)]: N');
const t = setTimeout(() => {}, 1);
console.log(mask(util.inspect(t, { depth: 0 })));
const i = setImmediate(() => {});
console.log(mask(util.inspect(i, { depth: 0 })));
const iv = setInterval(() => clearInterval(iv), 1);
console.log(Object.keys(iv).join(' '), Object.getOwnPropertySymbols(iv).map(String).join(' '));
