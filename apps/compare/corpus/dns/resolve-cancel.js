// cancel(): every query in flight ends with ECANCELLED, after cancel returns,
// in the order they were asked; the resolver stays usable afterwards.
const dgram = require('dgram');
const dns = require('dns');
const silent = dgram.createSocket('udp4');
silent.on('message', () => {});
silent.bind(0, '127.0.0.1', () => {
  const r = new dns.Resolver({ timeout: 5000 });
  r.setServers([`127.0.0.1:${silent.address().port}`]);
  for (const kind of ['resolve4', 'resolve6', 'resolveMx', 'resolveTxt']) {
    r[kind]('x.test', (err, res) => console.log(kind, err && err.message, err && err.code, res));
  }
  r.cancel();
  console.log('cancel returned');
  setTimeout(() => {
    r.setServers([process.env.MINI_DNS_SERVER]);
    r.resolve4('a.test', (err, v4) => {
      console.log('after cancel', err, v4);
      silent.close();
    });
  }, 20);
});
