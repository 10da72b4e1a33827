// A folder is not a module for import.
import { show } from './fixtures/show.js';
for (const spec of ['./fixtures/a-folder', './fixtures/a-folder/', './fixtures']) {
  try {
    await import(spec);
  } catch (e) {
    show(spec, e);
  }
}
