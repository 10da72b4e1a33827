// createRequire() in an ES module, requiring ES modules: the namespace import() gives.
import { createRequire } from 'node:module';
const require = createRequire(import.meta.url);
const viaRequire = require('./fixtures/no-default.js');
const viaImport = await import('./fixtures/no-default.js');
console.log(viaRequire === viaImport, viaRequire.one);
const withDefault = require('./fixtures/with-default.js');
console.log(withDefault.__esModule, withDefault.default);
