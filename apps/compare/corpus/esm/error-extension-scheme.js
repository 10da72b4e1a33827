// Unknown file extensions, URL schemes and builtins.
import { show } from './fixtures/show.js';
for (const spec of ['./fixtures/file.txt', 'node:nope', 'https://example.com/x.js', 'node:test/none']) {
  try {
    await import(spec);
  } catch (e) {
    show(spec, e);
  }
}
