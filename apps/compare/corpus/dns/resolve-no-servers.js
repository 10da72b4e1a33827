// With no servers at all, a query fails with ECONNREFUSED.
const dns = require('dns');
const r = new dns.Resolver();
r.setServers([]);
r.resolve4('a.test', (err) => console.log(err.message, err.code, err.syscall));
