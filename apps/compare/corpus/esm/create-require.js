// module.createRequire from an ES module.
import { createRequire } from 'node:module';
import { rel, show } from './fixtures/show.js';
const require = createRequire(import.meta.url);
console.log(require('./fixtures/data.json').name, require('./fixtures/cjs-lib.cjs').a, require('path').sep);
console.log(rel(require.resolve('legacy-pkg')), require('dual-pkg').kind);
try {
  require('./fixtures/nope');
} catch (e) {
  show('missing', e);
}
