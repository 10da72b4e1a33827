// fork(env) adds to the primary's environment; NODE_UNIQUE_ID is the
// worker's id while it starts, and gone from its env after.
const cluster = require('cluster');
if (cluster.isPrimary) {
  process.env.FROM_PRIMARY = 'inherited';
  const w1 = cluster.fork({ EXTRA: 'first', FROM_PRIMARY: 'overridden' });
  const w2 = cluster.fork({ EXTRA: 2 });
  const got = {};
  cluster.on('message', (w, m) => {
    got[w.id] = m;
    if (Object.keys(got).length === 2) {
      console.log(JSON.stringify(got[1]));
      console.log(JSON.stringify(got[2]));
      console.log('ids', w1.id, w2.id);
      cluster.disconnect();
    }
  });
} else {
  process.send({
    id: cluster.worker.id,
    extra: process.env.EXTRA,
    fromPrimary: process.env.FROM_PRIMARY,
    unique: process.env.NODE_UNIQUE_ID,
  });
}
