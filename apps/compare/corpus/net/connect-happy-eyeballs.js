// Happy eyeballs (autoSelectFamily, Node 20's default) with a name of two
// addresses: the refused one is reported and the next tried on a fresh
// socket; when every one fails, an AggregateError of their errors.
const net = require('net');
const server = net.createServer((s) => s.end('hi')).listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const lookup = (h, o, cb) => cb(null, [{ address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 }]);
  const s = net.connect({ host: 'two.test', port, lookup });
  for (const ev of ['connectionAttempt', 'connectionAttemptFailed', 'connectionAttemptTimeout', 'connect', 'lookup'])
    s.on(ev, (...a) => console.log(ev, a.map((x) => (x instanceof Error ? x.code : x === port ? 'PORT' : x)).join(' ')));
  s.on('data', (d) => console.log('data', String(d), s.autoSelectFamilyAttemptedAddresses.map((a) => a.replace(String(port), 'PORT'))));
  s.on('close', () => {
    const t = net.connect({ host: 'none.test', port: 1, lookup: (h, o, cb) => cb(null, [{ address: '::1', family: 6 }, { address: '127.0.0.1', family: 4 }]) });
    t.on('error', (e) => { console.log('all failed', e.name, e.code, e.message, e.errors && e.errors.map((x) => x.code + ' ' + x.address)); server.close(); });
  });
});
