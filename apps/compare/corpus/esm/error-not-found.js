// ERR_MODULE_NOT_FOUND for files and packages, with Node's "Did you mean" hint.
import { show } from './fixtures/show.js';
for (const spec of ['./fixtures/nope.js', './fixtures/lib', 'no-such-pkg', 'legacy-pkg/lib/main', '/definitely/not/here.js']) {
  try {
    await import(spec);
  } catch (e) {
    show(spec, e);
  }
}
