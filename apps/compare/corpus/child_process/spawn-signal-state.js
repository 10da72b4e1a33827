// A child starts with an empty signal mask and every signal at its default
// action, whatever the parent listens to (mini blocks those signals for its
// signalfd) or ignores (SIGPIPE); cat reads its own /proc/self/status.
const { spawn, spawnSync } = require('child_process');
const sigLines = (text) =>
  String(text)
    .split('\n')
    .filter((l) => /^Sig(Blk|Ign|Cgt):/.test(l))
    .join(' ');

console.log('sync', sigLines(spawnSync('cat', ['/proc/self/status']).stdout));
process.on('SIGINT', () => {});
process.on('SIGUSR2', () => {});
process.on('SIGTERM', () => {});
console.log('sync, listening', sigLines(spawnSync('cat', ['/proc/self/status']).stdout));
const child = spawn('cat', ['/proc/self/status'], { detached: true });
let out = '';
child.stdout.on('data', (d) => (out += d));
child.on('close', (code) => {
  console.log('async detached', sigLines(out), code);
  process.removeAllListeners('SIGINT');
  process.removeAllListeners('SIGUSR2');
  process.removeAllListeners('SIGTERM');
});
