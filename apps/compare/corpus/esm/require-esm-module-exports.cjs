// require(esm) then import() of the same file: one module, evaluated once.
const required = require('./fixtures/lib.js');
required.inc();
import('./fixtures/lib.js').then((imported) => {
  console.log(imported === required, imported.count);
});
