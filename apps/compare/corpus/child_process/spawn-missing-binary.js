// A program that does not exist: 'error' with ENOENT, no 'exit', then
// 'close' with -2; the stdio streams exist all the same.
const { spawn } = require('child_process');
const child = spawn('definitely-not-a-program', ['--flag', 'x']);
console.log('pid', child.pid, 'streams', child.stdin !== null, child.stdout !== null, child.stderr !== null);
child.on('spawn', () => console.log('spawn must not fire'));
child.on('exit', () => console.log('exit must not fire'));
child.on('error', (err) => {
  console.log('error', err.message);
  console.log(err.code, err.errno, err.syscall, err.path, JSON.stringify(err.spawnargs), Object.keys(err).join(','));
  console.log('exitCode', child.exitCode);
});
child.on('close', (code, signal) => console.log('close', code, signal));
