// UDP in workers: always one socket bound by the primary and shared (there
// are no connections to hand out), so two workers binding port 0 share one
// port; a datagram to it is answered by one of them.
const cluster = require('cluster');
const dgram = require('dgram');
if (cluster.isPrimary) {
  const ports = {};
  cluster.on('listening', (w, address) => {
    ports[w.id] = address;
    if (Object.keys(ports).length < 2) return;
    console.log('listening', ports[1].port === ports[2].port, ports[1].addressType, ports[1].address, ports[1].fd);
    const client = dgram.createSocket('udp4');
    client.on('message', (msg) => {
      console.log('reply', /^worker [12]: ping$/.test(String(msg)));
      client.close();
      cluster.disconnect(() => console.log('disconnected'));
    });
    client.send('ping', ports[1].port, '127.0.0.1');
  });
  cluster.fork();
  cluster.fork();
} else {
  const s = dgram.createSocket('udp4');
  s.on('message', (msg, rinfo) => s.send(`worker ${cluster.worker.id}: ${msg}`, rinfo.port, rinfo.address));
  s.bind(0, '127.0.0.1');
}
