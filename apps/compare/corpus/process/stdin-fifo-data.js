// stdin: fifo fixtures/stdin/big.txt
// stdin from a pipe(2), as `cat file | node script`: a net.Socket too.
require('./fixtures/stdin/read-all.js');
