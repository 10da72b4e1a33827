// exec with an AbortSignal, kill() with a bad name, 0 and a number,
// spawnSync with inherited stdio, execFileSync with input, a missing cwd
// and a replaced environment.
const { spawn, exec, execFile, spawnSync, execFileSync } = require('child_process');
const ac = new AbortController();
exec('sleep 5', { signal: ac.signal }, (err, so, se) => {
  console.log('abort', err.name, err.code, err.message, JSON.stringify(so));
  const c = spawn('sleep', ['5']);
  try { c.kill('SIGWAT'); } catch (e) { console.log('kill bad', e.code, e.message); }
  console.log('kill 0', c.kill(0), c.killed);
  c.on('exit', (code, sig) => {
    console.log('exit', code, sig);
    const r = spawnSync('sh', ['-c', 'echo inherited; exit 3'], { stdio: 'inherit' });
    console.log('inherit', r.status, JSON.stringify(r.output), r.stdout);
    console.log(JSON.stringify(execFileSync('cat', { input: 'ab', stdio: ['pipe', 'pipe', 'pipe'], encoding: 'latin1' })));
    exec('pwd', { cwd: '/nonexistent-dir' }, (err2) => {
      console.log('cwd', err2.code, err2.syscall, err2.path, err2.cmd);
      execFile('sh', ['-c', 'echo $ONLY'], { env: { ONLY: 'yes' } }, (e3, out3) => console.log('env', e3, JSON.stringify(out3)));
    });
  });
  c.kill(9);
});
setTimeout(() => ac.abort(), 50);
