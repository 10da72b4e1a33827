// 1-byte ping-pong over loopback TCP in one process: each side answers the
// other's byte with one of its own, <N> round trips in all. Prints
// "rtps=<n>" (round trips per second) and "ms=<n>", startup excluded.
const net = require('net');
const N = Number(process.argv[2] || 50000);
const ping = Buffer.from('p');
const server = net.createServer((s) => {
  s.setNoDelay(true);
  s.on('data', (d) => {
    for (let i = 0; i < d.length; i++) s.write(ping);
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  c.setNoDelay(true);
  let start = 0n;
  let trips = 0;
  c.on('connect', () => {
    start = process.hrtime.bigint();
    c.write(ping);
  });
  c.on('data', (d) => {
    trips += d.length;
    if (trips < N) {
      c.write(ping);
      return;
    }
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(`rtps=${Math.round(N / (ms / 1000))} ms=${ms.toFixed(1)}`);
    c.destroy();
    server.close();
  });
});
