// An AbortSignal kills the child and emits an AbortError. The pre-aborted
// spawn starts once the first child has exited: run side by side, which of
// the two is reaped first varies from run to run, on node too.
const { spawn } = require('child_process');
const ac = new AbortController();
const child = spawn('sleep', ['30'], { signal: ac.signal });
child.on('error', (err) => console.log('error', err.name, err.code, err.message));
child.on('exit', (code, signal) => {
  console.log('exit', code, signal, child.killed);
  const pre = new AbortController();
  pre.abort();
  const second = spawn('sleep', ['30'], { signal: pre.signal });
  second.on('error', (err) => console.log('pre-aborted error', err.name));
  second.on('close', (code, signal) => console.log('pre-aborted close', code, signal));
});
child.on('spawn', () => ac.abort());
