// Concurrent import() calls settle in the order they were made; a file's
// import waits for its read on the loop, after the first immediate.
import('node:net').then(() => console.log('1 node:net'));
import('node:net').then(() => console.log('2 node:net again'));
import('node:fs').then(() => console.log('3 node:fs'));
import('./fixtures/no-default.js').then(() => console.log('4 no-default.js'));
import('./fixtures/no-default.js').then(() => console.log('5 no-default.js again'));
import('./fixtures/cjs-esmodule.cjs').then(() => console.log('6 cjs-esmodule.cjs'));
Promise.resolve().then(() => console.log('promise'));
process.nextTick(() => console.log('nextTick'));
setImmediate(() => console.log('immediate'));
