// A write larger than the pipe takes: the rest waits on the loop, which
// stays alive until it is out; nothing is lost without process.exit().
const lines = Array.from({ length: 25000 }, (_, i) => `line ${i} ${'-'.repeat(40)}`).join('\n') + '\n';
process.stdout.write(lines, () => console.error('first write done'));
process.stdout.write('the end\n', () => console.error('second write done'));
process.on('exit', (code) => console.error('exit', code, process.stdout.writableLength));
process.exitCode = 4;
