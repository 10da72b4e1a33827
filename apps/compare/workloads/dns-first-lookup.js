// The first dns.lookup of a fresh process (localhost, from /etc/hosts):
// from the call to its callback. Prints "ms=<elapsed>".
const dns = require('dns');
const start = process.hrtime.bigint();
dns.lookup('localhost', (err) => {
  if (err) throw err;
  console.log(`ms=${(Number(process.hrtime.bigint() - start) / 1e6).toFixed(3)}`);
});
