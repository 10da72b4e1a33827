// cwd and env reach the child; a cwd that does not exist fails to spawn.
const { spawn } = require('child_process');
const c1 = spawn('sh', ['-c', 'pwd; echo "$FOO-$BAR-${HOME:-nohome}"'], { cwd: '/tmp', env: { FOO: 'foo', BAR: 'bar', PATH: process.env.PATH } });
let out = '';
c1.stdout.on('data', (d) => (out += d));
c1.on('close', (code) => {
  console.log(JSON.stringify(out), code);
  const c2 = spawn('sh', ['-c', 'echo never'], { cwd: '/no/such/dir/here' });
  c2.on('error', (e) => console.log('error', e.code, e.syscall, e.path));
  c2.on('close', (code, signal) => console.log('close', code, signal));
});
