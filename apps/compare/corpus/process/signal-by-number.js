// process.kill takes signal numbers too, and listeners see the name.
const { constants } = require('os');
process.on('SIGUSR1', (name, num) => console.log('USR1 listener', name, num === constants.signals.SIGUSR1));
process.on('SIGWINCH', (name, num) => console.log('WINCH listener', name, num === constants.signals.SIGWINCH));
process.kill(process.pid, constants.signals.SIGUSR1);
setTimeout(() => {
  process.kill(process.pid, 'SIGWINCH');
  setTimeout(() => {
    process.removeAllListeners('SIGUSR1');
    process.removeAllListeners('SIGWINCH');
    console.log('done');
  }, 50);
}, 50);
