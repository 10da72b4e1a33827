// stdin: pipe fixtures/stdin/big.txt
// stdin from a socketpair (a parent feeding a child): a net.Socket that
// reads once a 'data' listener asks, then 'end' and 'close'.
require('./fixtures/stdin/read-all.js');
