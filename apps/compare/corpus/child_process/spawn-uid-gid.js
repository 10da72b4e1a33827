// uid and gid: as root the child runs as nobody; otherwise the spawn is
// refused with EPERM. Both runtimes run as the same user.
const { spawn, spawnSync } = require('child_process');
const nobody = 65534;
const asRoot = process.getuid() === 0;
let r;
try {
  r = spawnSync('sh', ['-c', 'id -u; id -g'], { uid: nobody, gid: nobody, encoding: 'utf8' });
} catch (e) {
  r = { thrown: e.code };
}
console.log('sync', asRoot ? JSON.stringify([r.status, r.stdout]) : r.error && r.error.code);
try {
  const c = spawn('sh', ['-c', 'id -u'], { uid: nobody, gid: nobody });
  let out = '';
  c.stdout.on('data', (d) => (out += d));
  c.on('close', (code) => console.log('async', JSON.stringify(out), code));
} catch (e) {
  console.log('async throws', e.code, e.syscall, asRoot);
}
