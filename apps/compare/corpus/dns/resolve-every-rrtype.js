// resolve(name, rrtype) with every rrtype node:dns knows, each on a name that has it.
const dns = require('dns');
const r = new dns.Resolver();
r.setServers([process.env.MINI_DNS_SERVER]);
const asks = [
  ['A', 'a.test'],
  ['AAAA', 'a.test'],
  ['ANY', 'txt.test'],
  ['CAA', 'caa.test'],
  ['CNAME', 'alias.test'],
  ['MX', 'mx.test'],
  ['NAPTR', 'naptr.test'],
  ['NS', 'zone.test'],
  ['PTR', 'ptr.test'],
  ['SOA', 'zone.test'],
  ['SRV', '_sip._tcp.srv.test'],
  ['TXT', 'txt.test'],
];
let i = 0;
(function next() {
  if (i === asks.length) return;
  const [type, name] = asks[i++];
  r.resolve(name, type, (err, res) => {
    console.log(type, name, err ? err.code : JSON.stringify(res));
    next();
  });
})();
