// Builtin modules: node: prefix, identity, unknown names, and a local file
// that does not shadow a builtin.
console.log(require('node:events') === require('events'), require('node:path') === require('path'));
console.log(typeof require('events').EventEmitter, typeof require('timers').setTimeout);
console.log(require('timers').setTimeout === setTimeout, require('timers').setImmediate === setImmediate);
const { builtinModules } = require('module');
console.log('has fs, timers', builtinModules.includes('fs'), builtinModules.includes('timers'));
try {
  require('node:not-a-builtin');
} catch (e) {
  console.log(e.code, e.message);
}
console.log(require('module').isBuiltin('node:fs'), require('module').isBuiltin('nope'));
