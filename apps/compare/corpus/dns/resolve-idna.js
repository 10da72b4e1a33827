// A non-ASCII name goes on the wire as punycode; the error names the name as given.
const dns = require('dns');
const r = new dns.Resolver();
r.setServers([process.env.MINI_DNS_SERVER]);
r.resolve4('bücher.test', (err) => {
  console.log(err.message, err.code, err.hostname);
  r.resolve4('A.TEST', (err, v4) => console.log('case-insensitive', err, v4));
});
