// Workers share a Unix socket by its path (relative here: each worker
// names it absolutely, so 'listening' shows the full path). Under
// round-robin the primary accepts; the path is gone once all have closed.
const cluster = require('cluster');
const net = require('net');
const fs = require('fs');
const os = require('os');
const path = require('path');
if (cluster.isPrimary) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'mini-cluster-'));
  cluster.setupPrimary({ cwd: dir });
  const sock = path.join(dir, 'hello.sock');
  const infos = [];
  cluster.on('listening', (w, address) => {
    infos.push(address);
    if (infos.length < 2) return;
    console.log('addresses', infos.map((a) => [a.address === fs.realpathSync(sock) || a.address === sock, a.port, a.addressType]));
    const answers = [];
    for (let i = 0; i < 4; i++) {
      net.connect(sock, function () {
        let data = '';
        this.on('data', (d) => (data += d));
        this.on('end', () => {
          answers.push(data);
          if (answers.length === 4) {
            console.log('answered by', [...new Set(answers)].sort().join(','));
            cluster.disconnect(() => {
              console.log('path left', fs.existsSync(sock));
              fs.rmSync(dir, { recursive: true, force: true });
            });
          }
        });
      });
    }
  });
  cluster.fork();
  cluster.fork();
} else {
  net.createServer((s) => s.end(`w${cluster.worker.id}`)).listen('hello.sock');
}
