// stdin: fifo fixtures/stdin/big.txt
// for await over readline's lines from a pipe: every line, in order.
const readline = require('readline');
(async () => {
  const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
  let n = 0;
  let last = '';
  for await (const line of rl) {
    n++;
    last = line;
    if (n <= 2) console.log('line', line);
  }
  console.log('lines', n, 'last', last);
})();
