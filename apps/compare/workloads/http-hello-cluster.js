// The HTTP hello server on a 2-worker cluster (round-robin: the primary
// accepts and hands each connection to a worker). Prints "port=<n>" once
// both workers listen; GET /quit makes the worker that gets it ask the
// primary to disconnect everyone, so the whole cluster ends by itself.
const cluster = require('cluster');
const http = require('http');
if (cluster.isPrimary) {
  let listening = 0;
  cluster.on('listening', (worker, address) => {
    if (++listening === 2) console.log(`port=${address.port}`);
  });
  cluster.on('message', (worker, message) => {
    if (message === 'quit') cluster.disconnect();
  });
  cluster.on('exit', (worker, code, signal) => {
    if (code !== 0) {
      console.error(`worker ${worker.id} exited with ${code} ${signal}`);
      process.exitCode = 1;
    }
  });
  cluster.fork();
  cluster.fork();
} else {
  const body = Buffer.from('hello world\n');
  http
    .createServer((req, res) => {
      if (req.url === '/quit') {
        res.setHeader('Connection', 'close');
        res.end('bye\n');
        process.send('quit');
        return;
      }
      res.setHeader('Content-Type', 'text/plain');
      res.setHeader('Content-Length', body.length);
      res.end(body);
    })
    .listen(0, '127.0.0.1');
}
