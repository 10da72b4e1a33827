// require(esm) from timer, immediate and I/O callbacks.
const fs = require('fs');
setTimeout(() => {
  console.log('timeout:', require('./fixtures/no-default.js').one);
  setImmediate(() => {
    console.log('immediate:', require('./fixtures/with-default.js').default);
    fs.stat(__filename, () => {
      console.log('fs callback:', Object.keys(require('./fixtures/reexports.js')).length);
    });
  });
}, 1);
