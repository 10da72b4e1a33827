// Main module: synchronous code, then nextTicks, then promise jobs, then the
// loop. setTimeout(0) against setImmediate here is a race on Node, so only
// one of them is used.
const log = (s) => console.log(s);
log('sync 1');
setImmediate(() => log('immediate'));
Promise.resolve().then(() => log('promise'));
process.nextTick(() => log('nextTick'));
queueMicrotask(() => log('queueMicrotask'));
log('sync 2');
