// The promise forms: module-level on the default resolver, and a promises
// Resolver; errors reject with the same shape as the callbacks' errors.
const dns = require('dns');
dns.promises.setServers([process.env.MINI_DNS_SERVER]);
(async () => {
  console.log(await dns.promises.resolve4('a.test', { ttl: true }));
  console.log(await dns.promises.resolve('a.test', 'AAAA'));
  console.log(await dns.promises.resolve('a.test'));
  console.log(await dns.promises.resolveCname('alias.test'));
  try {
    await dns.promises.resolveSrv('nope.test');
  } catch (e) {
    console.log(e.message, e.code, e.errno, e.syscall, e.hostname, Object.keys(e).join(','));
  }
  try {
    await dns.promises.resolveSrv('a.test');
  } catch (e) {
    console.log(e.message, e.code);
  }
  const r = new dns.promises.Resolver({ timeout: 1000, tries: 1 });
  r.setServers([process.env.MINI_DNS_SERVER]);
  console.log(await r.resolveTxt('txt.test'), await r.reverse('192.0.2.1'));
})();
