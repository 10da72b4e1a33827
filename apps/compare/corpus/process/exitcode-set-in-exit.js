// Setting process.exitCode inside an exit listener changes the status.
process.on('exit', (code) => {
  console.log('exit with', code);
  process.exitCode = 9;
});
console.log('main');
