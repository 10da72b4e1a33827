// setupPrimary: 'setup' comes on the next tick with the merged settings,
// again on each later call; args and silent reach the worker (whose
// output the primary then reads from worker.process.stdout).
const cluster = require('cluster');
const path = require('path');
if (cluster.isPrimary) {
  const seen = [];
  cluster.on('setup', (s) => seen.push(`setup ${JSON.stringify(s.args)} ${s.silent} ${path.basename(s.exec)} ${'cwd' in s}`));
  cluster.setupPrimary({ args: ['one', 'two'], silent: true });
  seen.push(`sync ${JSON.stringify(cluster.settings.args)}`);
  cluster.setupMaster({ execArgv: [] });
  const w = cluster.fork();
  seen.push(`stdout ${w.process.stdout !== null} stdin ${w.process.stdin !== null}`);
  let out = '';
  w.process.stdout.on('data', (d) => (out += d));
  w.on('exit', (code) => {
    seen.push(`worker printed ${JSON.stringify(out)}`);
    seen.push(`exit ${code}`);
    console.log(seen.join('\n'));
  });
} else {
  console.log('argv', JSON.stringify(process.argv.slice(2)));
  cluster.worker.disconnect();
}
