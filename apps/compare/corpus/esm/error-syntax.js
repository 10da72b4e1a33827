// A syntax error in a dependency, through import(): the SyntaxError, then again the same.
import { show } from './fixtures/show.js';
for (const spec of ['./fixtures/syntax-error.js', './fixtures/syntax-dep.js']) {
  try {
    await import(spec);
  } catch (e) {
    show(spec, e);
  }
}
