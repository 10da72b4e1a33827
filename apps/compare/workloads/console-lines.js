// console.log of N short lines to stdout, a pipe the runner reads: the
// lines queue behind the pipe whenever it is full. Prints the elapsed
// milliseconds until the last byte was handed to the kernel (the loop ends
// only then), excluding startup.
const N = Number(process.argv[2] || 2e5);
const start = Date.now();
for (let i = 0; i < N; i++) console.log('line', i, 'of the output');
process.on('exit', () => console.log(`ms=${Date.now() - start}`));
