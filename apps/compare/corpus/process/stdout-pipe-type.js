// stdout and stderr on pipes (the runner's socketpairs): net.Sockets that
// only write, with Node's stdio decorations.
for (const [name, s] of [
  ['stdout', process.stdout],
  ['stderr', process.stderr],
]) {
  console.log(name, s.constructor.name, s._type, s.isTTY, s.fd, s.readable, s.writable);
  console.log(' ', s.writableHighWaterMark, s.columns, typeof s._handle, s._isStdio, typeof s.destroySoon);
}
console.log('same object', process.stdout === process.stdout);
