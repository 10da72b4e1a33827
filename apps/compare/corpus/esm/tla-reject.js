// A rejected top-level await is the entry's failure: node's uncaught report, exit 1.
console.log('before');
await new Promise((resolve, reject) => setTimeout(() => reject(new TypeError('rejected at top level')), 2));
console.log('never');
