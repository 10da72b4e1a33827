// A timeout throws; the handler runs, then an immediate and a new
// timeout from the handler, in Node's order.
process.on('uncaughtException', (err) => {
  console.log('caught', err.message);
  setTimeout(() => console.log('timer from handler'), 1);
  setImmediate(() => console.log('immediate from handler'));
});
setTimeout(() => { throw new Error('boom'); }, 1);
setTimeout(() => console.log('later timer'), 100);
