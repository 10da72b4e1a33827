// Writes to stdout and stderr, then process.exit(): everything written
// before the exit arrives, in order, on each stream (the pipes take it all
// at once: they are written as soon as write() is called).
const chunk = (tag) => Array.from({ length: 400 }, (_, i) => `${tag} ${String(i).padStart(4, '0')} ${'.'.repeat(60)}`).join('\n') + '\n';
process.stdout.write(chunk('A'));
process.stderr.write('after A\n');
console.log('console line');
process.stdout.write(chunk('B'));
console.error('after B');
process.on('exit', (code) => {
  process.stdout.write('in exit ' + code + '\n');
  console.error('exit handler');
});
process.stdout.write(chunk('C'), () => console.error('never: exit comes first'));
process.exit(3);
