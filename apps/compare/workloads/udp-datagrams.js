// <N> UDP datagrams of 100 bytes through loopback in one process. At most
// WINDOW are in flight, so the receive buffer never overflows; a datagram
// lost anyway is counted after a quiet spell and the run goes on. Prints
// "dps=<n>" (datagrams received per second), "lost=<n>" and "ms=<n>".
const dgram = require('dgram');
const N = Number(process.argv[2] || 100000);
const WINDOW = 64;
const payload = Buffer.alloc(100, 120);
const receiver = dgram.createSocket('udp4');
const sender = dgram.createSocket('udp4');
let sent = 0;
let received = 0;
let lost = 0;
let start = 0n;
let idle;
function pump() {
  while (sent < N && sent - received - lost < WINDOW) {
    sent++;
    sender.send(payload);
  }
  clearTimeout(idle);
  if (received + lost < N) {
    idle = setTimeout(() => {
      lost = sent - received;
      pump();
    }, 200);
  }
}
receiver.on('message', (msg) => {
  if (msg.length !== payload.length) throw new Error(`got ${msg.length} bytes`);
  received++;
  if (received + lost === N) {
    clearTimeout(idle);
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    console.log(`dps=${Math.round(received / (ms / 1000))} lost=${lost} ms=${ms.toFixed(1)}`);
    receiver.close();
    sender.close();
  } else if (sent - received - lost <= WINDOW / 2) {
    pump();
  }
});
receiver.bind(0, '127.0.0.1', () => {
  sender.connect(receiver.address().port, '127.0.0.1', () => {
    start = process.hrtime.bigint();
    pump();
  });
});
