// stdin: file fixtures/stdin/big.txt
// stdin that is a file: an fs.ReadStream on fd 0, read in 64 KiB chunks,
// which ends but does not close the fd (autoClose false).
const s = process.stdin;
console.log(s.constructor.name, s.isTTY, s.fd, s.readableHighWaterMark);
const sizes = [];
s.on('data', (d) => sizes.push(d.length));
s.on('end', () => console.log('end', sizes.join(' ')));
s.on('close', () => console.log('close'));
process.on('exit', () => console.log('exit', require('fs').fstatSync(0).isFile()));
