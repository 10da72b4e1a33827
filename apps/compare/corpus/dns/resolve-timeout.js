// A server that never answers: ETIMEOUT once every try has timed out.
const dgram = require('dgram');
const dns = require('dns');
const silent = dgram.createSocket('udp4');
let seen = 0;
silent.on('message', () => seen++);
silent.bind(0, '127.0.0.1', () => {
  const r = new dns.Resolver({ timeout: 30, tries: 3 });
  r.setServers([`127.0.0.1:${silent.address().port}`]);
  r.resolveTxt('slow.test', (err) => {
    console.log(err.message, err.code, err.syscall, err.hostname, 'queries seen:', seen);
    silent.close();
  });
});
