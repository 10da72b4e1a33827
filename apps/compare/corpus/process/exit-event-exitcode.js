// process.exitCode decides the status; the exit listener sees it; timers
// and nextTicks scheduled inside the exit listener never run, but promise
// jobs do: the microtask queue is drained once more as the listener returns.
process.exitCode = 3;
process.on('exit', (code) => {
  console.log('exit listener 1', code, process.exitCode);
  setTimeout(() => console.log('timer from exit: must not run'), 0);
  process.nextTick(() => console.log('tick from exit: must not run'));
  Promise.resolve().then(() => console.log('promise from exit: runs'));
});
process.on('exit', (code) => console.log('exit listener 2', code));
setTimeout(() => {
  console.log('timer');
  process.exitCode = 4;
}, 1);
