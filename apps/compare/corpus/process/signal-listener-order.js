// Several listeners for one signal run in the order added; once() runs once.
const order = [];
process.once('SIGUSR2', () => order.push('once'));
process.on('SIGUSR2', () => order.push('a'));
process.on('SIGUSR2', () => order.push('b'));
process.kill(process.pid, 'SIGUSR2');
setTimeout(() => {
  console.log('first', order.join(','));
  order.length = 0;
  process.kill(process.pid, 'SIGUSR2');
  setTimeout(() => {
    console.log('second', order.join(','));
    process.removeAllListeners('SIGUSR2');
    console.log('left', process.listenerCount('SIGUSR2'));
  }, 50);
}, 50);
