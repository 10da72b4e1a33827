// A signal listener does not keep the process alive: with nothing else to
// do the process ends, and the exit event fires.
process.on('SIGUSR1', () => console.log('never'));
process.on('SIGHUP', () => console.log('never'));
process.on('exit', (code) => console.log('exit', code));
console.log('main done');
