// A rejected promise nobody handles: the process dies after the microtask
// queue drains, with the error printed and status 1.
process.on('exit', (c) => console.log('exit', c));
async function fails() {
  await null;
  throw new RangeError('rejected in async');
}
fails();
process.nextTick(() => console.log('tick still runs'));
setTimeout(() => console.log('timer must not run'), 10);
