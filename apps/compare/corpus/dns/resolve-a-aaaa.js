// A and AAAA from dnsmasq (MINI_DNS_SERVER): plain, with { ttl: true },
// through resolve() with and without an rrtype, and through a CNAME.
const dns = require('dns');
const r = new dns.Resolver();
r.setServers([process.env.MINI_DNS_SERVER]);
r.resolve4('a.test', (err, v4) => {
  console.log('resolve4', err, v4);
  r.resolve6('a.test', (err, v6) => {
    console.log('resolve6', err, v6);
    r.resolve4('a.test', { ttl: true }, (err, withTtl) => {
      console.log('ttl4', err, withTtl);
      r.resolve6('a.test', { ttl: true }, (err, withTtl6) => {
        console.log('ttl6', err, withTtl6);
        r.resolve('a.test', (err, dflt) => {
          console.log('resolve default', err, dflt);
          r.resolve('alias.test', 'A', (err, viaCname) => console.log('through cname', err, viaCname));
        });
      });
    });
  });
});
console.log('queries are asynchronous');
