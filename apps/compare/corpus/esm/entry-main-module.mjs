// An ES module entry has no CommonJS main: process.mainModule and require.main are undefined.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
console.log(process.mainModule === undefined, require.main === undefined);
const lib = require('./fixtures/counter.cjs');
console.log(typeof lib.next, Object.keys(require.cache).filter((k) => k.endsWith('counter.cjs')).length);
