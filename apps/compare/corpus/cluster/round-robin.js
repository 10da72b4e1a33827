// Round-robin: the primary accepts and hands each connection to the next
// free worker, so connections made one after another alternate between
// the two workers, and each answer says who took it.
const cluster = require('cluster');
const http = require('http');
if (cluster.isPrimary) {
  let listening = 0;
  let port;
  cluster.on('listening', (w, address) => {
    port = address.port;
    if (++listening === 2) ask(6, []);
  });
  cluster.fork();
  cluster.fork();
  function ask(left, bodies) {
    if (left === 0) {
      const byWorker = {};
      for (const b of bodies) byWorker[b] = (byWorker[b] || 0) + 1;
      console.log('answers', JSON.stringify(Object.keys(byWorker).sort().map((k) => [k, byWorker[k]])));
      console.log('alternating', bodies.every((b, i) => i === 0 || b !== bodies[i - 1]));
      cluster.disconnect(() => console.log('done'));
      return;
    }
    http.get({ host: '127.0.0.1', port, agent: false }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => ask(left - 1, [...bodies, body]));
    });
  }
} else {
  http.createServer((req, res) => res.end(`worker ${cluster.worker.id}`)).listen(0, '127.0.0.1');
}
