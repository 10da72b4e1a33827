// A signal sent to ourselves reaches the listener as (name, number); the
// listener removes itself and the process ends normally.
process.on('SIGUSR2', function onUsr2(name, num) {
  console.log('listener', name, num, typeof num);
  process.removeListener('SIGUSR2', onUsr2);
  console.log('listeners left', process.listenerCount('SIGUSR2'));
});
console.log('kill returns', process.kill(process.pid, 'SIGUSR2'));
setTimeout(() => console.log('timer after the signal'), 50);
