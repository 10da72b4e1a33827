// A socket's timeout set again and again, as an http server does for each
// request: a new duration replaces the old one, 0 clears it and activity
// does not bring it back, and setting it from its own 'timeout' listener
// arms it once more.
const net = require('net');
const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  const start = Date.now();
  let fired = 0;
  c.on('connect', () => {
    c.setTimeout(5000);
    c.setTimeout(0);
    c.write('cleared: activity must not revive it');
    c.setTimeout(0);
    c.setTimeout(40);
    console.log('armed for', c.timeout, 'ms');
  });
  c.on('timeout', () => {
    fired++;
    const late = Date.now() - start >= 35;
    console.log('timeout', fired, late ? 'after the 40 ms one, not the 5000 ms one' : 'too early');
    if (fired === 1) {
      c.setTimeout(30);
      console.log('armed again from its listener for', c.timeout, 'ms');
      return;
    }
    c.setTimeout(0);
    c.write('after clearing');
    setTimeout(() => {
      console.log('no timeout after clearing:', fired === 2);
      c.end();
    }, 100);
  });
  c.on('close', () => {
    console.log('close after', fired, 'timeouts');
    server.close();
  });
});
