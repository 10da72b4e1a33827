// export * from, export * as, renamed and string-named exports.
import * as ns from './fixtures/reexports.js';
console.log(Object.keys(ns));
console.log(ns.one, ns.two, ns.counter, ns.renamed, ns['string name'], typeof ns.greet, Object.keys(ns.lib));
