// An error thrown inside a timer callback ends the process with status 1;
// the exit listener still runs.
process.on('exit', (c) => console.log('exit', c));
setTimeout(() => {
  console.log('in timer');
  const err = new TypeError('bad thing in timer');
  err.extra = 42;
  throw err;
}, 1);
setTimeout(() => console.log('second timer must not run'), 50);
