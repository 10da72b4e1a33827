// CAA (critical plus the tag as a key), NAPTR, and ANY (each record tagged with its type).
const dns = require('dns');
const r = new dns.promises.Resolver();
r.setServers([process.env.MINI_DNS_SERVER]);
(async () => {
  console.log('caa', await r.resolveCaa('caa.test'));
  console.log('naptr', await r.resolveNaptr('naptr.test'));
  console.log('any a.test', await r.resolveAny('a.test'));
  console.log('any mx.test', await r.resolveAny('mx.test'));
  console.log('any txt.test', JSON.stringify(await r.resolve('txt.test', 'ANY')));
})();
