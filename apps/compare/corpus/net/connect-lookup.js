// net.connect resolves a name with dns.lookup (or the `lookup` option) and
// emits 'lookup' first; what a custom lookup returns is checked as Node does.
// Node 20 asks a lookup for all addresses (autoSelectFamily), so the custom
// ones answer in whichever form they are asked for.
const net = require('net');
const server = net.createServer((s) => s.end('hi')).listen(0, '127.0.0.1', () => {
  const port = server.address().port;
  const steps = [
    (next) => {
      const s = net.connect({ host: 'localhost', port, family: 4 });
      s.on('lookup', (err, address, family, host) => console.log('lookup', err, address, family, host));
      s.on('data', (d) => console.log('data', String(d)));
      s.on('close', next);
    },
    (next) => {
      const lookup = (host, opts, cb) => {
        console.log('custom lookup for', host, opts.family, opts.all, opts.hints === 0 ? 0 : 'hints');
        if (opts.all) cb(null, [{ address: '127.0.0.1', family: 4 }, { address: '127.0.0.1', family: 4 }]);
        else cb(null, '127.0.0.1', 4);
      };
      const s = net.connect({ host: 'my.own.name', port, lookup });
      s.on('lookup', (err, address, family, host) => console.log('custom', err, address, family, host));
      s.on('data', (d) => console.log('data', String(d)));
      s.on('close', next);
    },
    (next) => {
      const s = net.connect({ host: 'bad.ip', port, lookup: (h, o, cb) => cb(null, [{ address: 'not-an-ip', family: 4 }]) });
      s.on('error', (e) => console.log('bad ip', e.name, e.code, e.message));
      s.on('close', next);
    },
    (next) => {
      const s = net.connect({ host: 'bad.family', port, lookup: (h, o, cb) => cb(null, [{ address: '127.0.0.1', family: 5 }]) });
      s.on('error', (e) => console.log('bad family', e.name, e.code, e.message.replace(String(port), 'PORT'), e.host, e.port === port));
      s.on('close', next);
    },
    (next) => {
      // A family asked for: one address, the classic callback form.
      const lookup = (host, opts, cb) => (console.log('family 4 asks', opts.all, opts.family), cb(null, '127.0.0.1', 4));
      const s = net.connect({ host: 'four.only', port, family: 4, lookup });
      s.on('lookup', (err, address, family) => console.log('four', err, address, family));
      s.on('data', (d) => console.log('data', String(d)));
      s.on('close', next);
    },
    (next) => {
      const s = net.connect({ host: 'fails', port, lookup: (h, o, cb) => cb(Object.assign(new Error('nope'), { code: 'ENOTFOUND' })) });
      s.on('lookup', (err) => console.log('lookup error event', err.message));
      s.on('error', (e) => console.log('error', e.code, e.message));
      s.on('close', next);
    },
    (next) => {
      try {
        net.connect({ host: 'x', port, lookup: 'no' });
      } catch (e) {
        console.log('lookup not a function', e.code, e.message);
      }
      next();
    },
  ];
  (function run(i) {
    if (i < steps.length) steps[i](() => run(i + 1));
    else server.close(() => console.log('done'));
  })(0);
});
