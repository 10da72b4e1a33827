// Engine flags (V8's and node's) are taken anywhere before the script,
// between the runtime's own options; after the script they are its arguments.
const { spawnSync } = require('child_process');
const path = require('path');
const fx = (name) => path.join(__dirname, 'fixtures', name);
const run = (args) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  console.log(JSON.stringify(args.map((a) => a.replace(__dirname, '.'))), '->', r.status, r.stdout.trim(), r.stderr.trim());
};
run(['--expose-gc', fx('show.js')]);
run(['-r', fx('preload.js'), '--expose-gc', '--stack-trace-limit=3', fx('show.js'), '--expose-gc', 'x']);
run(['--max-old-space-size=64', '-r', fx('preload.js'), fx('show.js')]);
run(['-e', 'console.log(typeof gc, process.argv.slice(1))', '--expose-gc', 'a', '--expose-gc']);
run(['--', fx('show.js'), '--stack-trace-limit=1']);
