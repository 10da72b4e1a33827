// settings.serialization 'advanced' carries what JSON cannot between the
// primary and its workers, beside the cluster's own messages.
const cluster = require('cluster');
const util = require('util');
if (cluster.isPrimary) {
  cluster.setupPrimary({ serialization: 'advanced' });
  const w = cluster.fork();
  w.on('online', () => w.send({ map: new Map([['k', 1n]]), set: new Set([1, 2]), date: new Date(0), buf: Buffer.from('hi') }));
  w.on('message', (m) => {
    console.log(util.inspect(m, { depth: 3 }));
    w.disconnect();
  });
  w.on('exit', (code) => console.log('exit', code));
} else {
  process.on('message', (m) => {
    process.send({ echoed: m, types: [m.map instanceof Map, m.set instanceof Set, m.date instanceof Date, Buffer.isBuffer(m.buf)], undef: undefined });
  });
}
