// stdin: file fixtures/stdin/lines.txt
// readline/promises: question() answered by the first line, then the rest
// as 'line' events, and 'close' at the end of input.
const readline = require('readline/promises');
const rl = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: false });
rl.question('who? ').then((answer) => {
  console.log('answer', JSON.stringify(answer));
  rl.on('line', (line) => console.log('line', JSON.stringify(line)));
});
rl.on('close', () => console.log('close'));
