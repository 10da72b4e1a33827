// Names as c-ares takes them: a trailing dot dropped, case kept, the root
// asked, and EBADNAME for empty labels, long labels or names, odd characters.
const dns = require('dns');
const r = new dns.promises.Resolver();
r.setServers([process.env.MINI_DNS_SERVER]);
const names = ['a.test.', 'A.TeSt', '', '.', 'a..test', 'x'.repeat(64) + '.test', 'abcdefghi.'.repeat(26) + 'test', 'a test', 'a@b.test', '*.test', '-a_b/c.test'];
(async () => {
  for (const name of names) {
    const shown = JSON.stringify(name.length > 40 ? name.slice(0, 20) + '…' : name);
    try {
      console.log(shown, await r.resolve4(name));
    } catch (e) {
      console.log(shown, e.code, e.syscall, e.hostname === name);
    }
  }
  for (const ip of ['::1', '2001:db8::1', '1.2.3.4']) {
    try {
      console.log(ip, await r.reverse(ip));
    } catch (e) {
      console.log(ip, e.message);
    }
  }
})();
