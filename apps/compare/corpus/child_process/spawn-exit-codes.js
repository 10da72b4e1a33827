// Exit codes pass through unchanged, one child after another.
const { spawn } = require('child_process');
const codes = [0, 1, 2, 42, 127, 255];
(function next(i) {
  if (i === codes.length) return;
  const child = spawn('sh', ['-c', `exit ${codes[i]}`], { stdio: 'ignore' });
  child.on('exit', (code, signal) => {
    console.log('exit', codes[i], '->', code, signal, child.exitCode, child.signalCode);
    next(i + 1);
  });
})(0);
