// require() of ES modules that fail: evaluation, syntax, missing files.
const here = __dirname + '/';
const show = (label, e) => console.log(label, e.name, e.code, String(e.message).split(here).join('./'));
let first;
try {
  require('./fixtures/throws.js');
} catch (e) {
  first = e;
  show('throws', e);
}
try {
  require('./fixtures/throws.js');
} catch (e) {
  console.log('again the same error:', e === first);
}
for (const id of ['./fixtures/syntax-error.js', './fixtures/uses-require.js', 'typed-pkg/missing.js']) {
  try {
    require(id);
  } catch (e) {
    show(id, e);
  }
}
