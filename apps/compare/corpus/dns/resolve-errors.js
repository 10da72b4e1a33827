// No such name: ENOTFOUND; a name without records of the type: ENODATA.
// The error's own keys, message, syscall per kind and hostname, as Node's.
const dns = require('dns');
const r = new dns.Resolver();
r.setServers([process.env.MINI_DNS_SERVER]);
const kinds = ['resolve4', 'resolve6', 'resolveMx', 'resolveTxt', 'resolveSrv', 'resolveCname', 'resolveNs', 'resolvePtr', 'resolveSoa', 'resolveCaa', 'resolveNaptr', 'resolveAny'];
const asks = [];
for (const kind of kinds) {
  asks.push([kind, 'nope.test']);
  if (kind !== 'resolveAny') asks.push([kind, kind === 'resolve4' || kind === 'resolve6' ? 'txt.test' : 'a.test']);
}
function next(i) {
  if (i === asks.length) return;
  const [kind, name] = asks[i];
  r[kind](name, (err, res) => {
    if (err) console.log(kind, err.message, err.code, err.errno, err.syscall, err.hostname, Object.keys(err).join(','), err instanceof Error);
    else console.log(kind, name, 'answered', res);
    next(i + 1);
  });
}
next(0);
