// MX, TXT (chunks kept apart) and SRV records, each by its own method and by resolve().
const dns = require('dns');
const r = new dns.promises.Resolver();
r.setServers([process.env.MINI_DNS_SERVER]);
(async () => {
  console.log('mx', await r.resolveMx('mx.test'));
  console.log('txt', await r.resolveTxt('txt.test'));
  console.log('srv', await r.resolveSrv('_sip._tcp.srv.test'));
  for (const [name, type] of [['mx.test', 'MX'], ['txt.test', 'TXT'], ['_sip._tcp.srv.test', 'SRV']]) {
    console.log(type, JSON.stringify(await r.resolve(name, type)));
  }
})();
