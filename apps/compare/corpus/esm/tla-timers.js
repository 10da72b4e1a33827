// Top-level await: the loop runs timers, immediates and intervals while the module waits.
import { setTimeout as sleep } from 'node:timers/promises';
let ticks = 0;
const interval = setInterval(() => ++ticks, 10);
setImmediate(() => console.log('immediate during await'));
console.log('before await');
await sleep(35);
clearInterval(interval);
console.log('after await, ticks >= 2:', ticks >= 2);
const value = await new Promise((resolve) => setTimeout(() => resolve('timer value'), 5));
console.log(value);
