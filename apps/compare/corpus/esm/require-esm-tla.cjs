// require() of a graph with top-level await: ERR_REQUIRE_ASYNC_MODULE; import() still works.
const path = require('path');
const here = __dirname + path.sep;
try {
  require('./fixtures/tla-only.js');
} catch (e) {
  console.log(e.code, e.message.split(here).join('./'));
}
try {
  require('./fixtures/tla-dep.js');
} catch (e) {
  console.log(e.code);
}
import('./fixtures/tla-only.js').then((ns) => console.log('import():', ns.ready));
