// Alternating I/O and check phases: immediates from I/O callbacks, I/O from
// immediates. (A setTimeout(0) from the I/O callback races the next read's
// completion on node, so none is used.)
const fs = require('fs');
let n = 0;
function step() {
  if (++n > 3) return;
  fs.readFile(__filename, () => {
    console.log('io', n);
    setImmediate(() => {
      console.log('immediate after io', n);
      step();
    });
  });
}
step();
