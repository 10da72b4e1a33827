// reverse(): a PTR lookup of in-addr.arpa, errors named getHostByAddr;
// a non-address throws EINVAL at once (and rejects in the promise form).
const dns = require('dns');
const r = new dns.Resolver();
r.setServers([process.env.MINI_DNS_SERVER]);
r.reverse('192.0.2.1', (err, names) => {
  console.log('reverse', err, names);
  r.reverse('192.0.2.77', (err) => {
    console.log(err.message, err.code, err.errno, err.syscall, err.hostname);
    try {
      r.reverse('not-an-ip', () => {});
    } catch (e) {
      console.log('throws', e.message, e.code, e.errno, e.syscall, e.hostname);
    }
    const p = new dns.promises.Resolver();
    p.setServers([process.env.MINI_DNS_SERVER]);
    p.reverse('not-an-ip').catch((e) => console.log('rejects', e.message, e.code, e.errno));
    p.reverse('192.0.2.1').then((names) => console.log('promise reverse', names));
  });
});
