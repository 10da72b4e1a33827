// package.json "exports": the require condition, subpaths, node/default
// conditions, patterns, sugar, null targets, unexported subpaths, and a
// package requiring itself by name.
module.paths.unshift(require('path').join(__dirname, 'fixtures/pkgs/node_modules'));
const tryRequire = (id) => {
  try {
    console.log(id, '->', require(id));
  } catch (e) {
    console.log(id, '->', e.code, e.message.split(__dirname).join('.'));
  }
};
for (const id of [
  'exp',
  'exp/feature',
  'exp/conditional',
  'exp/data/one',
  'exp/package.json',
  'exp/lib/hidden.js',
  'exp/private/x',
  'exp/cjs.js',
  'exp/missing',
  'exp-sugar',
  'exp-sugar/only.js',
  'self-ref',
]) {
  tryRequire(id);
}
