// setServers while a query is in flight: ERR_DNS_SET_SERVERS_FAILED, servers unchanged;
// once the query has ended, setServers works again.
const dgram = require('dgram');
const dns = require('dns');
const silent = dgram.createSocket('udp4');
silent.bind(0, '127.0.0.1', () => {
  const r = new dns.Resolver({ timeout: 5000 });
  r.setServers(['127.0.0.1:' + silent.address().port]);
  r.resolve4('a.test', (err) => {
    console.log('query', err.code);
    r.setServers([process.env.MINI_DNS_SERVER]);
    r.resolve4('a.test', (err, v4) => {
      console.log('after', err, v4);
      silent.close();
    });
  });
  try {
    r.setServers([process.env.MINI_DNS_SERVER]);
  } catch (e) {
    console.log(String(e).replace(process.env.MINI_DNS_SERVER, 'SERVER'), e.code);
  }
  console.log('servers', r.getServers().length);
  r.cancel();
});
