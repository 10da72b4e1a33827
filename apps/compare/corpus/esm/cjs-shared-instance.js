// An imported CommonJS module and require() share one instance and require.cache entry.
import { createRequire } from 'node:module';
import counter from './fixtures/counter.cjs';
import { first } from './fixtures/esm-uses-cjs.js';
const require = createRequire(import.meta.url);
const required = require('./fixtures/counter.cjs');
console.log(required === counter, first, counter.next(), required.next());
const key = Object.keys(require.cache).find((k) => k.endsWith('counter.cjs'));
console.log('in require.cache:', key !== undefined, require.cache[key].loaded);
