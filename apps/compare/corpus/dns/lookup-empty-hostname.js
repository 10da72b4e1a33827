// An empty or missing hostname is answered at once (null address) with a
// one-time deprecation warning, as Node does.
const dns = require('dns');
// Our listener instead of the default one, which prints the pid.
process.removeAllListeners('warning');
process.on('warning', (w) => console.log('warning', w.name, w.code, w.message));
dns.lookup('', (e, a, f) => {
  console.log('empty', e, a, f);
  dns.lookup(undefined, { family: 6 }, (e2, a2, f2) => {
    console.log('undefined family 6', e2, a2, f2);
    dns.lookup(null, { all: true }, (e3, all) => console.log('null all', e3, all));
  });
});
