// kill() with a signal ends the child by that signal: exit (null, name),
// killed true; kill after the end returns false.
const { spawn } = require('child_process');
const signals = ['SIGTERM', 'SIGKILL', 'SIGINT', 'SIGHUP', 'SIGUSR1'];
(function next(i) {
  if (i === signals.length) return;
  const child = spawn('sleep', ['30']);
  child.on('spawn', () => console.log(signals[i], 'kill returned', child.kill(signals[i])));
  child.on('exit', (code, signal) => console.log('exit', code, signal, 'killed', child.killed));
  child.on('close', () => {
    console.log('kill after close', child.kill());
    next(i + 1);
  });
})(0);
