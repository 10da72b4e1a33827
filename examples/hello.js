// Runs on mini's own event loop: timers, immediates, nextTicks and promises
// in exactly the order node runs them.
const { setTimeout: sleep } = require('timers/promises');

console.log('hello from mini', process.argv.slice(2));
setTimeout(() => console.log('timeout 10ms'), 10);
setImmediate(() => console.log('immediate'));
process.nextTick(() => console.log('nextTick'));
Promise.resolve().then(() => console.log('promise'));

(async () => {
  await sleep(20);
  console.log('slept 20ms on a timer heap of our own');
})();

process.on('exit', (code) => console.log('exit', code));
