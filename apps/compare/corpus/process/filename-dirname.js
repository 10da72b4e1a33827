// __filename, __dirname and the module object of the main module.
const path = require('path');
console.log(path.basename(__filename), path.basename(__dirname));
console.log('absolute', path.isAbsolute(__filename), path.dirname(__filename) === __dirname);
console.log('module.id', module.id, 'filename ok', module.filename === __filename);
console.log('main', require.main === module, 'parent', module.parent, 'loaded', module.loaded);
console.log('exports', module.exports === exports, JSON.stringify(exports));
console.log('paths[0]', path.relative(__dirname, module.paths[0]));
console.log('cwd-independent', typeof process.cwd());
setImmediate(() => console.log('loaded later', module.loaded));
