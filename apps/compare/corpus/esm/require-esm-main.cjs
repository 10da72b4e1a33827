// require() of ES modules from a CommonJS main module (Node 20.19+).
const noDefault = require('./fixtures/no-default.js');
const withDefault = require('./fixtures/with-default.js');
console.log(noDefault, Object.keys(noDefault));
console.log(Object.keys(withDefault), withDefault.__esModule, withDefault.default, withDefault.named);
console.log(require('./fixtures/no-default.js') === noDefault);
const lib = require('./fixtures/lib.js');
lib.inc();
console.log(lib.count, require('dual-pkg').kind);
