// cancel() on the promises Resolver rejects each pending promise with ECANCELLED.
const dgram = require('dgram');
const { Resolver } = require('dns').promises;
const silent = dgram.createSocket('udp4');
silent.bind(0, '127.0.0.1', async () => {
  const r = new Resolver();
  r.setServers([`127.0.0.1:${silent.address().port}`]);
  const all = Promise.allSettled([r.resolve4('x.test'), r.resolveAny('y.test'), r.reverse('192.0.2.1')]);
  r.cancel();
  for (const s of await all) console.log(s.status, s.reason.message, s.reason.code, s.reason.syscall, s.reason.hostname);
  silent.close();
});
