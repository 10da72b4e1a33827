// require, module, __dirname in an ES module: Node's explanation in the message.
import { show } from './fixtures/show.js';
for (const spec of ['./fixtures/uses-require.js', './fixtures/uses-module.js']) {
  try {
    await import(spec);
  } catch (e) {
    show(spec, e);
  }
}
try {
  console.log(__dirname);
} catch (e) {
  show('__dirname', e);
}
