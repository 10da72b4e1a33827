// What setupPrimary and fork check: a bad schedulingPolicy on the first
// setup (which counts as the first: the next ones pass), an inspectPort of
// null or out of range, and under the inspector (here --inspect-port, which
// opens nothing) each worker's next port.
const cluster = require('cluster');
if (cluster.isPrimary) {
  const setups = [];
  cluster.on('setup', () => setups.push('setup'));
  cluster.schedulingPolicy = 5;
  try {
    cluster.setupPrimary();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  cluster.setupPrimary({ inspectPort: null });
  try {
    cluster.fork();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  cluster.setupPrimary({ inspectPort: 70000, execArgv: ['--inspect-port=0'] });
  try {
    cluster.fork();
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
  delete cluster.settings.inspectPort;
  cluster.setupPrimary({ execArgv: ['--inspect-port=0'] });
  const w1 = cluster.fork();
  const w2 = cluster.fork();
  cluster.setupPrimary({ inspectPort: () => 12345 });
  const w3 = cluster.fork();
  for (const w of [w1, w2, w3]) console.log(w.id, w.process.spawnargs.filter((a) => a.startsWith('--')));
  console.log('ids', Object.keys(cluster.workers));
  cluster.disconnect(() => console.log(setups.length, 'setups'));
}
