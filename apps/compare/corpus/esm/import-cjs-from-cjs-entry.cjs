// A CommonJS entry importing CommonJS: the module runs once for require and import.
const viaRequire = require('./fixtures/counter.cjs');
import('./fixtures/counter.cjs').then((ns) => {
  console.log(ns.default === viaRequire, Object.keys(ns), viaRequire.next());
});
