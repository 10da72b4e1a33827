// Bad arguments throw Node's errors before anything starts.
const { spawn } = require('child_process');
function attempt(label, fn) {
  try {
    fn();
    console.log(label, 'no throw');
  } catch (e) {
    console.log(label, e.name, e.code, e.message);
  }
}
attempt('file number', () => spawn(42));
attempt('file empty', () => spawn(''));
attempt('args string', () => spawn('sh', 'x'));
attempt('arg number', () => spawn('sh', ['-c', 5]));
attempt('arg with NUL', () => spawn('sh', ['a\u0000b']));
attempt('options string', () => spawn('sh', [], 'opts'));
attempt('cwd number', () => spawn('sh', [], { cwd: 5 }));
attempt('detached string', () => spawn('sh', [], { detached: 'yes' }));
attempt('shell number', () => spawn('sh', [], { shell: 5 }));
attempt('argv0 number', () => spawn('sh', [], { argv0: 5 }));
attempt('stdio bad string', () => spawn('sh', [], { stdio: 'wat' }));
attempt('stdio bad entry', () => spawn('sh', [], { stdio: ['pipe', 'wat'] }));
attempt('timeout negative', () => spawn('sh', [], { timeout: -1 }));
attempt('killSignal unknown', () => spawn('sh', [], { killSignal: 'SIGWAT' }));
attempt('signal not a signal', () => spawn('sh', [], { signal: {} }));
attempt('uid string', () => spawn('sh', [], { uid: 'root' }));
