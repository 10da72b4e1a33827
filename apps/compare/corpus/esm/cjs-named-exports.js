// CommonJS imported from ESM: named exports as Node's lexer finds them, default = module.exports.
import cjs, { a, b, c } from './fixtures/cjs-lib.cjs';
import * as ns from './fixtures/cjs-lib.cjs';
console.log(a, b, c(), 'd' in ns, Object.keys(ns));
console.log(cjs === ns.default, cjs.a, 'late' in ns, ns.late);
