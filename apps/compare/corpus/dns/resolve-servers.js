// setServers/getServers: ports, IPv6 with and without brackets, the
// default port dropped, duplicates folded; the module-level pair shares
// the default resolver with dns.promises.
const dns = require('dns');
const r = new dns.Resolver();
r.setServers(['192.0.2.10', '192.0.2.10:53', '192.0.2.11:5353', '2001:db8::1', '[2001:db8::2]', '[2001:db8::3]:5300', '[2001:db8::4]:53']);
console.log(r.getServers());
r.setServers([]);
console.log('empty', r.getServers());
dns.setServers([process.env.MINI_DNS_SERVER, '192.0.2.12']);
console.log('module', dns.getServers(), 'promises', dns.promises.getServers());
dns.promises.setServers([process.env.MINI_DNS_SERVER]);
console.log('after promises.setServers', dns.getServers());
dns.resolve4('a.test', (err, v4) => {
  console.log('module resolve4', err, v4);
  dns.promises.resolveMx('mx.test').then((mx) => console.log('promises module resolveMx', mx));
});
