// Deleting from require.cache makes the next require evaluate the file again.
const path = require('path');
const id = require.resolve('./fixtures/rel/counter');
console.log(path.relative(__dirname, id));
const first = require('./fixtures/rel/counter');
console.log('first', first.evaluations, require('./fixtures/rel/counter') === first);
console.log('cached', id in require.cache, require.cache[id].exports === first);
delete require.cache[id];
console.log('deleted', id in require.cache);
const second = require('./fixtures/rel/counter');
console.log('second', second.evaluations, second === first);
console.log('cache keys are absolute', Object.keys(require.cache).every((k) => path.isAbsolute(k)));
console.log('main in cache', require.cache[__filename] === module);
