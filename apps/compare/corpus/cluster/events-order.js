// The order of a worker's life, on the worker and on the cluster: fork,
// online, listening (with its address), disconnect, exit. One worker, so
// the order is the protocol's, not a race between processes.
const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  const seen = [];
  for (const ev of ['fork', 'online', 'listening', 'disconnect', 'exit', 'setup']) {
    cluster.on(ev, (...args) => seen.push(`cluster ${ev} ${args.length}`));
  }
  const w = cluster.fork();
  for (const ev of ['online', 'listening', 'disconnect', 'exit']) {
    w.on(ev, (...args) => {
      seen.push(`worker ${ev} ${args.length} ${w.state}`);
      if (ev === 'listening') {
        const [address] = args;
        seen.push(`address ${JSON.stringify(Object.keys(address))} ${address.addressType} ${address.address} ${typeof address.port} ${address.fd}`);
        w.disconnect();
      }
    });
  }
  seen.push(`forked ${w.state}`);
  process.on('exit', () => console.log(seen.join('\n')));
} else {
  net.createServer().listen(0, '127.0.0.1');
}
