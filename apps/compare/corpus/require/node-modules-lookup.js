// Bare names walk up node_modules folders from the requiring file: the
// nearest copy wins, scoped packages and deep files resolve.
const path = require('path');
console.log(require('./fixtures/nm/app/lib/use.js'));
const paths = require.resolve.paths('dep').slice(0, 4).map((p) => path.relative(__dirname, p));
console.log(paths);
console.log(require.resolve.paths('./x'), require.resolve.paths('fs'));
console.log(path.relative(__dirname, require.resolve('dep', { paths: [path.join(__dirname, 'fixtures/nm/app/lib')] })));
