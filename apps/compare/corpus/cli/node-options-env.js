// NODE_OPTIONS: its options apply before the command line's (its -r
// modules load first), they are not in process.execArgv, the program sees
// the variable as it was, and the options node does not allow there are
// refused with node's words.
const { spawnSync } = require('child_process');
const path = require('path');
const preload = path.join(__dirname, 'fixtures', 'preload.js');
const run = (nodeOptions, args) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, NODE_OPTIONS: nodeOptions } });
  const clean = (s) => s.trim().split(__dirname).join('.');
  // node's messages start with its argv[0], which is not the same program on mini: the name is left out.
  const firstLine = clean(r.stderr).split('\n')[0].replace(/^\S+: /, '');
  console.log(JSON.stringify([clean(nodeOptions), args.map(clean)]), '->', r.status, clean(r.stdout), firstLine);
};
const show =
  'console.log(JSON.stringify([typeof gc, Error.stackTraceLimit, process.execArgv.length, process.env.NODE_OPTIONS.split(__dirname).join("."), globalThis.preloaded === true]))';
run('--expose-gc --title=from-env', ['-e', 'console.log(typeof gc, process.title, process.execArgv.length)']);
run('--stack-trace-limit=3', ['--stack-trace-limit=5', '-e', show]);
run(`-r ${preload} --expose-gc`, ['-e', show]);
run(`--require=${preload}`, ['-e', show]);
run('--max-old-space-size=64', ['-e', 'console.log(require("v8").getHeapStatistics().heap_size_limit < 200 * 1024 * 1024)']);
run('-e 1', ['-e', show]);
run('--no-such-option', ['-e', show]);
run('', ['-e', 'console.log(JSON.stringify(process.env.NODE_OPTIONS))']);
