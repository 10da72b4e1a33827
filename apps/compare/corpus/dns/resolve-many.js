// Many queries in flight at once on one resolver: each callback gets its own answer.
const dns = require('dns');
const r = new dns.Resolver();
r.setServers([process.env.MINI_DNS_SERVER]);
const names = ['a.test', 'mx.test', 'nope.test', 'alias.test'];
const results = [];
let left = 100;
for (let i = 0; i < 100; i++) {
  const name = names[i % names.length];
  r.resolve4(name, (err, v4) => {
    results[i] = `${name}=${err ? err.code : v4.join(',')}`;
    if (--left === 0) console.log(results.join('\n'));
  });
}
