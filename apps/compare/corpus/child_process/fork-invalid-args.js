// fork's argument checks.
const { fork } = require('child_process');
function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'no throw');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
attempt('module number', () => fork(5));
attempt('args string', () => fork('x.js', 'nope'));
attempt('options number', () => fork('x.js', [], 5));
attempt('stdio without ipc', () => fork('x.js', { stdio: ['pipe', 'pipe', 'pipe'] }));
attempt('two ipc', () => fork('x.js', { stdio: ['pipe', 'pipe', 'pipe', 'ipc', 'ipc'] }));
const { spawnSync } = require('child_process');
attempt('ipc in sync', () => spawnSync('true', { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] }));
