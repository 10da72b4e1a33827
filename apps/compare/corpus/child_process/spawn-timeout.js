// The timeout option kills the child with killSignal.
const { spawn } = require('child_process');
const a = spawn('sleep', ['30'], { timeout: 100 });
a.on('exit', (code, signal) => {
  console.log('default killSignal', code, signal, a.killed);
  const b = spawn('sleep', ['30'], { timeout: 100, killSignal: 'SIGKILL' });
  b.on('exit', (code, signal) => {
    console.log('SIGKILL', code, signal, b.killed);
    const c = spawn('sh', ['-c', 'exit 0'], { timeout: 5000 });
    c.on('exit', (code, signal) => console.log('finished before the timeout', code, signal, c.killed));
  });
});
