// --test as node runs it: the files found by node's default patterns (or
// the ones named), each run in its own process, one report merged from
// theirs; --test-reporter, --test-name-pattern, exit code 1 on a failure.
const { spawnSync } = require('child_process');
const path = require('path');
const cwd = path.join(__dirname, 'fixtures', 'test-runner');
const run = (args) => {
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8' });
  console.log(JSON.stringify(args), '->', r.status);
  const mask = (text) =>
    text
      .replaceAll(cwd, '.')
      .replace(/duration_ms: [\d.]+/g, 'duration_ms: X')
      .replace(/duration_ms [\d.]+/g, 'duration_ms X')
      .replace(/\([\d.]+ms\)/g, '(Xms)')
      .replace(/^(\s+)at /gm, '$1| ');
  if (r.stdout) console.log(mask(r.stdout).trimEnd());
  if (r.stderr) console.log('stderr:', mask(r.stderr).trimEnd());
};
run(['--test']);
run(['--test', 'passes.test.cjs', 'test']);
run(['--test', '--test-reporter=spec', 'math.test.js', 'timers-test.mjs']);
run(['--test', '--test-reporter', 'dot']);
run(['--test', '--test-name-pattern=inner', 'math.test.js']);
run(['--test', '--test-name-pattern', 'subtest|an immediate', 'timers-test.mjs']);
run(['--test', 'missing.test.js']);
