// stdin: fifo fixtures/stdin/big.txt
// Paused mode over a pipe: 'readable', then read() until null, each time;
// the total and a digest at 'end'.
const s = process.stdin;
const hash = require('crypto').createHash('sha1');
let bytes = 0;
let sawReadable = false;
s.on('readable', () => {
  sawReadable = true;
  let chunk;
  while ((chunk = s.read()) !== null) {
    bytes += chunk.length;
    hash.update(chunk);
  }
});
s.on('end', () => console.log('end', sawReadable, bytes, hash.digest('hex'), s.readableFlowing));
