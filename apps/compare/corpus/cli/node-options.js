// Every option of node's before the script is taken as node takes it: its
// value may be the next argument, an option node does not know is refused
// with node's words and exit code 9, and process.execArgv lists all of
// them, ours and the engine's, in the order given (-e's code included);
// options go on after -e's code until the first argument of the program.
const { spawnSync } = require('child_process');
// node's messages start with its argv[0] ('/usr/bin/node: bad option: …'),
// which is not the same program on mini: the name is left out.
const firstLine = (s) => s.trim().split('\n')[0].replace(/^\S+: /, '');
const run = (args) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  console.log(JSON.stringify(args), '->', r.status, r.stdout.trim(), firstLine(r.stderr));
};
const show = 'console.log(JSON.stringify([process.execArgv, process.argv.slice(1), typeof gc]))';
run(['--title', 'corpus-title', '-e', 'console.log(process.title)']);
run(['--title=corpus-title', '--no-deprecation', '-e', show, 'a']);
run(['-e', show, '--expose-gc', 'a', '--expose-gc']);
run(['--stack-trace-limit=4', '--input-type', 'commonjs', '-e', show, '--', '-x']);
run(['--disable-warning', 'DEP0005', '-e', 'new Buffer(1); console.log(process.execArgv.length)']);
run(['--unhandled-rejections', 'warn', '-e', 'Promise.reject(new Error("x")); setTimeout(() => console.log("alive"), 5)', '--no-warnings']);
run(['--no-such-option', '-e', show]);
run(['-e', show, '--no-such-option']);
run(['--title']);
run(['-pe', 'process.execArgv.length']);
run(['--eval=console.log(process.execArgv)']);
