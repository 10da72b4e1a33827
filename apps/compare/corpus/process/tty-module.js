// require('tty') when nothing is a terminal: isatty's answers for any
// argument, and the errors of its stream constructors.
const tty = require('tty');
const fs = require('fs');
console.log(tty === require('node:tty'), typeof tty.ReadStream, typeof tty.WriteStream, tty.WriteStream.prototype.isTTY);
for (const fd of [0, 1, 2, -1, 1.5, '1', null, 2 ** 31, 99]) console.log('isatty', JSON.stringify(fd), tty.isatty(fd));
const file = fs.openSync(__filename, 'r');
for (const [name, make] of [
  ['ReadStream(-1)', () => new tty.ReadStream(-1)],
  ['WriteStream("1")', () => new tty.WriteStream('1')],
  ['WriteStream(file)', () => new tty.WriteStream(file)],
  ['ReadStream(file)', () => tty.ReadStream(file)],
  ['ReadStream(/dev/null)', () => new tty.ReadStream(0)],
]) {
  try {
    make();
    console.log(name, 'made');
  } catch (e) {
    console.log(name, e.name, e.code, e.message, e.info && e.info.syscall, e.errno, e.syscall);
  }
}
fs.closeSync(file);
