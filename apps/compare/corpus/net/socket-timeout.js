// setTimeout on an idle socket: 'timeout' fires once per idle period and
// does not close the socket; activity re-arms it; 0 disables it.
const net = require('net');
const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  let fired = 0;
  const ret = c.setTimeout(30, () => console.log('callback listener'));
  console.log('setTimeout returns the socket:', ret === c, 'timeout:', c.timeout);
  c.on('timeout', () => {
    fired++;
    console.log('timeout', fired, 'destroyed:', c.destroyed);
    if (fired === 1) {
      c.write('activity');
    } else {
      c.setTimeout(0);
      console.log('disabled, timeout:', c.timeout);
      setTimeout(() => c.end(), 80);
    }
  });
  c.on('close', () => {
    console.log('close after', fired, 'timeouts');
    server.close();
  });
});
