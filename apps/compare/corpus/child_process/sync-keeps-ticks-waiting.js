// A sync child runs while the program waits: ticks, promise jobs, timers
// and immediates queued before the call run only after it returns.
const { spawnSync, execSync } = require('child_process');
const order = [];
process.nextTick(() => order.push('tick'));
Promise.resolve().then(() => order.push('promise'));
setTimeout(() => order.push('timeout'), 0);
setImmediate(() => order.push('immediate'));
order.push('before');
spawnSync('sh', ['-c', 'exit 0']);
execSync('true');
order.push('after');
setTimeout(() => console.log(order.join(' ')), 20);
