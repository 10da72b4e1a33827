// Relative requires: with and without extension, directories with index.js,
// .js before .json, and the cache returning the same object.
const a = require('./fixtures/rel/a');
console.log(JSON.stringify(a));
console.log(require('./fixtures/rel/a.js') === a, require('./fixtures/rel/../rel/a') === a);
console.log(require('./fixtures/rel/dir'));
console.log(require('./fixtures/rel/dir/'));
console.log(require('./fixtures/rel/both'));
console.log(require('./fixtures/rel/both.json'));
const path = require('path');
console.log(path.relative(__dirname, require.resolve('./fixtures/rel/dir')));
console.log(path.relative(__dirname, require.resolve('./fixtures/rel/both')));
