// stdin: pipe fixtures/stdin/lines.txt
// readline over stdin: lines split on \n and \r\n, the last one without a
// newline, multi-byte characters intact, then 'close'.
const readline = require('readline');
const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on('line', (line) => console.log('line', JSON.stringify(line)));
rl.on('close', () => console.log('close'));
process.on('exit', () => console.log('exit'));
