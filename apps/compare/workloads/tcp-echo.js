// TCP echo through loopback in one process: the client sends <MiB> MiB in
// 64 KiB writes, honouring backpressure, and the server echoes it back.
// Prints the echo throughput as "MiBps=<n>" and "ms=<n>", startup excluded.
const net = require('net');
const MiB = Number(process.argv[2] || 1024);
const total = MiB * 1024 * 1024;
const chunk = Buffer.alloc(64 * 1024, 97);
const server = net.createServer((s) => s.pipe(s));
server.listen(0, '127.0.0.1', () => {
  const start = process.hrtime.bigint();
  const c = net.connect(server.address().port, '127.0.0.1');
  let sent = 0;
  let echoed = 0;
  function pump() {
    while (sent < total) {
      sent += chunk.length;
      if (!c.write(chunk)) return;
    }
    c.end();
  }
  c.on('drain', pump);
  c.on('connect', pump);
  c.on('data', (d) => (echoed += d.length));
  c.on('end', () => {
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    if (echoed !== total) throw new Error(`echoed ${echoed} of ${total} bytes`);
    console.log(`MiBps=${(MiB / (ms / 1000)).toFixed(1)} ms=${ms.toFixed(1)}`);
    server.close();
  });
});
