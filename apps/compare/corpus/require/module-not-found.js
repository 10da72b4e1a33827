// MODULE_NOT_FOUND: code, message (with the require stack) and requireStack.
const show = (id) => {
  try {
    require(id);
  } catch (e) {
    console.log(e.code, JSON.stringify(e.message.split(__dirname).join('.')));
    console.log('requireStack', (e.requireStack || []).map((p) => p.split(__dirname).join('.')));
  }
};
show('./no-such-file');
show('no-such-package');
show('./fixtures/rel/no-such-dir/');
show('@scope/none');
try {
  require('');
} catch (e) {
  console.log(e.code, e.message);
}
try {
  require(42);
} catch (e) {
  console.log(e.code, e.message);
}
try {
  require.resolve('./nope');
} catch (e) {
  console.log('resolve', e.code);
}
