// <N> resolve4 with 100 in flight against the name server in
// MINI_DNS_SERVER (a dnsmasq the benchmark starts on loopback): our resolver
// channel over UDP. Prints "ops=<resolves per second>".
const { Resolver } = require('dns');
const N = Number(process.argv[2] || 2e4);
const IN_FLIGHT = 100;
const resolver = new Resolver();
resolver.setServers([process.env.MINI_DNS_SERVER]);
let started = 0;
let done = 0;
let t0;
function one() {
  started++;
  resolver.resolve4('bench.test', (err) => {
    if (err) throw err;
    if (++done === N) console.log(`ops=${Math.round(N / (Number(process.hrtime.bigint() - t0) / 1e9))}`);
    else if (started < N) one();
  });
}
resolver.resolve4('bench.test', (err) => {
  if (err) throw err;
  t0 = process.hrtime.bigint();
  for (let i = 0; i < IN_FLIGHT; i++) one();
});
