// stdin: fifo fixtures/stdin/lines.txt
// stdin that is never read from does not keep the process alive, even
// though it is a pipe with data waiting.
const s = process.stdin;
console.log('stdin made', s.constructor.name, s.readableFlowing);
setTimeout(() => console.log('timer'), 10);
process.on('exit', () => console.log('exit', s.readableLength, s.readableEnded));
