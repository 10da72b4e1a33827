// process.exit inside a signal listener ends the process with that code.
process.on('SIGINT', (name) => {
  console.log('got', name);
  process.exit(7);
});
process.on('exit', (code) => console.log('exit', code));
setInterval(() => {}, 1000);
process.kill(process.pid, 'SIGINT');
