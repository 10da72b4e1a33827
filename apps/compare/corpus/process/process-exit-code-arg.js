// process.exit() without an argument uses process.exitCode; exit(true) is
// rejected with ERR_INVALID_ARG_TYPE.
try {
  process.exit('nope');
} catch (e) {
  console.log(e.code, e.message);
}
process.exitCode = 7;
process.on('exit', (c) => console.log('exit', c));
setImmediate(() => process.exit());
