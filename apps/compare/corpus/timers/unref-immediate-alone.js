// An unref'd immediate alone does not keep the loop alive.
setImmediate(() => console.log('never')).unref();
process.on('exit', (c) => console.log('exit', c));
