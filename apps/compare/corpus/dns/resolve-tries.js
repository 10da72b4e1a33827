// Two silent servers, tries: 2: each server is asked twice, in turn, then ETIMEOUT.
const dgram = require('dgram');
const dns = require('dns');
const seen = [];
const a = dgram.createSocket('udp4');
const b = dgram.createSocket('udp4');
a.on('message', () => seen.push('a'));
b.on('message', () => seen.push('b'));
a.bind(0, '127.0.0.1', () =>
  b.bind(0, '127.0.0.1', () => {
    const r = new dns.Resolver({ timeout: 40, tries: 2 });
    r.setServers([`127.0.0.1:${a.address().port}`, `127.0.0.1:${b.address().port}`]);
    r.resolveNs('slow.test', (err) => {
      console.log(err.message, err.code, seen.join(''));
      a.close();
      b.close();
    });
  }),
);
