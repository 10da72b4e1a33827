// A port nobody listens on: the kernel's refusal comes back as ECONNREFUSED;
// with a live server after it, the next server answers.
const dgram = require('dgram');
const dns = require('dns');
const probe = dgram.createSocket('udp4');
probe.bind(0, '127.0.0.1', () => {
  const dead = `127.0.0.1:${probe.address().port}`;
  probe.close(() => {
    const r = new dns.Resolver({ timeout: 200, tries: 2 });
    r.setServers([dead]);
    r.resolve4('a.test', (err) => {
      console.log(err.message, err.code, err.syscall);
      r.setServers([dead, process.env.MINI_DNS_SERVER]);
      r.resolve4('a.test', (err, v4) => console.log('next server', err, v4));
    });
  });
});
