// Default, named and namespace imports, and a live binding.
import greet, { count, inc } from './fixtures/lib.js';
import * as lib from './fixtures/lib.js';
console.log(greet('esm'), count);
inc();
inc();
console.log('live binding:', count, lib.count, lib.default === greet);
console.log(Object.keys(lib), Object.prototype.toString.call(lib));
try {
  lib.count = 5;
} catch (e) {
  console.log('namespace is read-only:', e.name);
}
