// A dependency with top-level await: its importer waits; a sibling that does not wait runs first.
import { sibling } from './fixtures/sibling.js';
import { value } from './fixtures/tla-dep.js';
console.log('main', sibling, value);
