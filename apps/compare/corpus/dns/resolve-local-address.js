// setLocalAddress: queries leave from the given address (loopback here) and still get answers.
const dns = require('dns');
const r = new dns.Resolver();
r.setLocalAddress('127.0.0.1');
r.setServers([process.env.MINI_DNS_SERVER]);
r.resolve4('a.test', (err, v4) => {
  console.log('from 127.0.0.1', err, v4);
  r.setLocalAddress('::1', '127.0.0.1');
  r.resolveTxt('txt.test', (err, txt) => console.log('v6 then v4', err, txt));
});
