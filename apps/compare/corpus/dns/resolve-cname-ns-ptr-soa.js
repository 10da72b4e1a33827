// CNAME, NS, PTR and SOA (one object, Node's field names).
const dns = require('dns');
const r = new dns.promises.Resolver();
r.setServers([process.env.MINI_DNS_SERVER]);
(async () => {
  console.log('cname', await r.resolveCname('alias.test'));
  console.log('ns', await r.resolveNs('zone.test'));
  console.log('ptr', await r.resolvePtr('ptr.test'));
  console.log('ptr in-addr', await r.resolvePtr('1.2.0.192.in-addr.arpa'));
  const soa = await r.resolveSoa('zone.test');
  console.log('soa', soa, Object.keys(soa).join(','));
  console.log('soa via resolve', await r.resolve('zone.test', 'SOA'));
})();
