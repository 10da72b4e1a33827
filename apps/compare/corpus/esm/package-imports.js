// Package "imports" (#name) of the importing package.
import { util } from '#util';
import { a } from '#cjs';
import { show } from './fixtures/show.js';
console.log(util, a);
try {
  await import('#nope');
} catch (e) {
  show('#nope', e);
}
