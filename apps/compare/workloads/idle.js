// Waits on a single 1 s timer; "ready" tells the harness to sample RSS now.
setTimeout(() => {}, 1000);
console.log('ready');
