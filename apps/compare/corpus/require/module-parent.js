// require.main, module.parent, children and loaded, seen from both sides.
const path = require('path');
const child = require('./fixtures/rel/child');
console.log(child);
console.log('main is this', require.main === module, 'parent', module.parent);
console.log('children', module.children.map((m) => path.basename(m.filename)));
console.log('child loaded now', module.children[0].loaded, 'this loaded', module.loaded);
console.log('require.main.filename', path.basename(require.main.filename));
