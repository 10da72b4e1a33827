// import() from a CommonJS script: ES modules and builtins through mini's loader.
console.log('start');
import('./fixtures/lib.js').then((ns) => {
  console.log('lib:', ns.default('cjs'), Object.keys(ns));
  return import('node:net');
}).then((net) => {
  console.log('net:', net.default === require('net'), net.Server === require('net').Server);
  return import('./fixtures/cjs-lib.cjs');
}).then((ns) => {
  console.log('cjs via import:', ns.default === require('./fixtures/cjs-lib.cjs'), ns.a);
});
