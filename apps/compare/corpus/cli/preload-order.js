// -r modules load before the main one and --import modules are evaluated
// before it too; --env-file sets variables before anything runs.
const { spawnSync } = require('child_process');
const path = require('path');
const fx = (name) => path.join(__dirname, 'fixtures', name);
const run = (args) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  console.log(JSON.stringify(args.map((a) => a.replace(__dirname, '.'))), '->', r.status);
  console.log(r.stdout.trim());
  if (r.stderr) console.log('stderr:', r.stderr.trim().split('\n')[0]);
};
run(['-r', fx('preload.js'), fx('show.js'), 'a']);
run(['--import', fx('preload.mjs'), '-r', fx('preload.js'), fx('show.js')]);
run(['--env-file', fx('vars.env'), fx('show.js')]);
run([`--env-file=${fx('vars.env')}`, '-e', 'console.log(process.env.MINI_CORPUS_FROM_ENV_FILE)']);
