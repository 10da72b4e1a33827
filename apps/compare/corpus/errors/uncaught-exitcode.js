// An uncaughtException listener may set the exit status itself.
process.on('uncaughtException', (e) => {
  console.log('handled', e.message);
  process.exitCode = 6;
});
setTimeout(() => {
  throw new Error('x');
}, 1);
