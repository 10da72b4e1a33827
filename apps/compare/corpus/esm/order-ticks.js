// At an ES module's top level: promise jobs before nextTicks; immediates before the 0 ms timer.
import './fixtures/order-b.js';
setTimeout(() => console.log('timeout'), 0);
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise'));
queueMicrotask(() => console.log('microtask'));
console.log('main body');
