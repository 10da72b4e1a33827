// args: rr
// Two workers listening on port 0 get the same port (one socket in the
// primary), in both scheduling modes; each mode's second worker listens
// on the same address as the first.
const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  const policy = process.argv[2] === 'none' ? cluster.SCHED_NONE : cluster.SCHED_RR;
  cluster.schedulingPolicy = policy;
  const ports = {};
  let n = 0;
  cluster.on('listening', (worker, address) => {
    ports[worker.id] = address;
    if (++n === 2) {
      console.log('policy', cluster.schedulingPolicy);
      console.log('same port', ports[1].port === ports[2].port, ports[1].port > 0);
      console.log('address', ports[1].address, ports[1].addressType, ports[2].address, ports[2].addressType);
      cluster.disconnect(() => console.log('all disconnected', Object.keys(cluster.workers).length));
    }
  });
  cluster.fork();
  cluster.fork();
  cluster.on('exit', (w, code, signal) => {
    if (w.id === 2) setImmediate(() => console.log('exits', code, signal));
  });
} else {
  net.createServer().listen(0);
}
