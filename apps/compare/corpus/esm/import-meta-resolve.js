// import.meta.resolve: files (also missing ones), packages, builtins, errors.
import { rel, show } from './fixtures/show.js';
for (const spec of ['./fixtures/lib.js', './fixtures/missing.js', 'dual-pkg', 'dual-pkg/feature', 'fs', 'node:net', '#util']) {
  console.log(spec, '->', rel(import.meta.resolve(spec)));
}
for (const spec of ['no-such-package', 'dual-pkg/private/x', 'dual-pkg/unlisted']) {
  try {
    import.meta.resolve(spec);
  } catch (e) {
    show(spec, e);
  }
}
console.log(import.meta.resolve.name, import.meta.resolve.length);
