// A name a module does not export, seen through import(): a SyntaxError; for a
// CommonJS module, Node's message shows the default-import form.
import { show } from './fixtures/show.js';
for (const spec of ['./fixtures/missing-esm-name.js', './fixtures/missing-cjs-name.js']) {
  try {
    await import(spec);
  } catch (e) {
    show(spec, e);
  }
}
