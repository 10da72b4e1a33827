// A package without "exports": main probed as Node's legacy resolver, subpaths as files.
import legacy, { legacy as named } from 'legacy-pkg';
import other from 'legacy-pkg/other.js';
import { show } from './fixtures/show.js';
console.log(legacy, named, other);
try {
  await import('legacy-pkg/other');
} catch (e) {
  show('no extension probing', e);
}
