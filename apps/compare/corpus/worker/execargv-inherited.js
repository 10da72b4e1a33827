// A worker's process.execArgv is its parent's unless it is given its own,
// and a worker runs the -r modules of the options it runs under.
const { spawnSync } = require('child_process');
const path = require('path');
const preload = path.join(__dirname, '..', 'cli', 'fixtures', 'preload.js');
const program = `
const { Worker } = require('worker_threads');
const show = 'console.log(JSON.stringify([require("worker_threads").threadId, process.execArgv.map((a) => a.slice(0, 12)), globalThis.preloaded === true]))';
new Worker(show, { eval: true }).on('exit', () => {
  new Worker(show, { eval: true, execArgv: ['--no-warnings'] }).on('exit', () => {
    new Worker(show, { eval: true, execArgv: ['-r', ${JSON.stringify(preload)}] });
  });
});`;
for (const args of [['-e', program], ['-r', preload, '--title', 'corpus', '-e', program], ['--stack-trace-limit=5', '-e', program]]) {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  console.log(args.length, r.status, r.stdout.trim(), r.stderr.trim());
}
