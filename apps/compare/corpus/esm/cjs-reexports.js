// module.exports = require('./x'): the re-exported file's names are found too.
import * as ns from './fixtures/cjs-reexport.cjs';
console.log(Object.keys(ns), ns.a, ns.b);
