// dns.lookup through the system resolver (/etc/hosts): one answer, all
// answers, a family, IP literals answered without a query, one at a time.
const dns = require('dns');
const steps = [
  (next) => dns.lookup('localhost', (e, a, f) => (console.log('localhost', e, a, f), next())),
  (next) => dns.lookup('localhost', { all: true }, (e, a) => (console.log('all', e, JSON.stringify(a)), next())),
  (next) => dns.lookup('localhost', 4, (e, a, f) => (console.log('family 4', e, a, f), next())),
  (next) => dns.lookup('localhost', { family: 'IPv4', all: true }, (e, a) => (console.log("family 'IPv4'", e, JSON.stringify(a)), next())),
  (next) => dns.lookup('127.0.0.1', (e, a, f) => (console.log('v4 literal', e, a, f), next())),
  (next) => dns.lookup('::1', { all: true }, (e, a) => (console.log('v6 literal', e, JSON.stringify(a)), next())),
  (next) => dns.lookup('localhost', { hints: dns.ADDRCONFIG | dns.V4MAPPED }, (e, a, f) => (console.log('hints', e, a, f), next())),
  (next) => dns.lookup('localhost', { order: 'ipv6first', all: true }, (e, a) => (console.log('ipv6first', e, JSON.stringify(a)), next())),
  (next) => dns.lookup('localhost', { verbatim: false }, (e, a, f) => (console.log('verbatim false', e, a, f), next())),
];
(function run(i) {
  if (i < steps.length) steps[i](() => run(i + 1));
})(0);
console.log('sync return is an object:', typeof dns.lookup('localhost', () => {}));
