// args: none
// schedulingPolicy 'none' set by the program before the first fork: the
// workers accept on the primary's socket themselves; every request is
// answered by one of them, and the policy is frozen from then on.
const cluster = require('cluster');
const net = require('net');
if (cluster.isPrimary) {
  cluster.schedulingPolicy = cluster.SCHED_NONE;
  cluster.setupPrimary();
  cluster.schedulingPolicy = cluster.SCHED_RR;
  let listening = 0;
  cluster.on('listening', (w, address) => {
    if (++listening < 2) return;
    let answered = 0;
    const names = new Set();
    for (let i = 0; i < 6; i++) {
      net.connect(address.port, '127.0.0.1', function () {
        let data = '';
        this.on('data', (d) => (data += d));
        this.on('end', () => {
          names.add(/^worker \d$/.test(data));
          if (++answered === 6) {
            console.log('answered', answered, [...names]);
            cluster.disconnect(() => console.log('disconnected'));
          }
        });
      });
    }
  });
  cluster.fork();
  cluster.fork();
} else {
  net.createServer((s) => s.end(`worker ${cluster.worker.id}`)).listen(0);
}
