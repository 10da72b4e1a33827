// What node:worker_threads exports on the main thread, and the types of each.
const wt = require('worker_threads');
for (const key of Object.keys(wt).sort()) console.log(key, typeof wt[key]);
console.log(wt.SHARE_ENV.toString(), wt.MessagePort.name, wt.MessageChannel.name, wt.Worker.name);
console.log(require('node:worker_threads') === wt);
