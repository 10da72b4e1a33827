// Package "exports" under the import condition; the same package required takes "require".
import { createRequire } from 'node:module';
import dual, { kind } from 'dual-pkg';
import { feature } from 'dual-pkg/feature';
import { one } from 'dual-pkg/lib/one';
import { show } from './fixtures/show.js';
console.log(dual, kind, feature, one);
console.log('require:', createRequire(import.meta.url)('dual-pkg').kind);
for (const spec of ['dual-pkg/private/x', 'dual-pkg/index.mjs', 'dual-pkg/lib/two']) {
  try {
    await import(spec);
  } catch (e) {
    show(spec, e);
  }
}
