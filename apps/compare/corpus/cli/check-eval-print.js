// -c parses a script and runs nothing (a syntax error exits 1 with the
// header); -e and -p run code with its arguments, as node does.
const { spawnSync } = require('child_process');
const path = require('path');
const fx = (name) => path.join(__dirname, 'fixtures', name);
const run = (args) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  console.log(JSON.stringify(args.map((a) => a.replace(__dirname, '.'))), '->', r.status);
  if (r.stdout) console.log(r.stdout.trim());
  const stderr = r.stderr
    .replaceAll(__dirname, '.')
    .split('\n')
    .filter((l) => !/^\s+at /.test(l));
  if (r.stderr) console.log(stderr.join('\n').trim());
};
run(['-c', fx('show.js')]);
run(['--check', fx('syntax-error.js')]);
run(['-p', '[1, 2, 3].map((n) => n * 2)']);
run(['-e', 'console.log(process.argv.length, typeof require, __filename)', 'one', 'two']);
run(['-p', 'process.argv.slice(1).join("+")', 'a', 'b']);
