// An error thrown by the uncaughtException listener itself is fatal with
// status 7.
process.on('uncaughtException', () => {
  throw new Error('handler failed too');
});
setTimeout(() => {
  throw new Error('original');
}, 1);
