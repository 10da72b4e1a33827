// <N> dns.lookup('localhost') with 100 in flight: getaddrinfo on the pool,
// at most (n + 1) / 2 threads at once. Prints "ops=<lookups per second>".
const dns = require('dns');
const N = Number(process.argv[2] || 2e4);
const IN_FLIGHT = 100;
let started = 0;
let done = 0;
let t0;
function one() {
  started++;
  dns.lookup('localhost', (err) => {
    if (err) throw err;
    if (++done === N) console.log(`ops=${Math.round(N / (Number(process.hrtime.bigint() - t0) / 1e9))}`);
    else if (started < N) one();
  });
}
dns.lookup('localhost', () => {
  t0 = process.hrtime.bigint();
  for (let i = 0; i < IN_FLIGHT; i++) one();
});
