// execFileSync: stdout of a program run without a shell; errors carry
// the spawnSync result.
const { execFileSync } = require('child_process');
console.log(JSON.stringify(execFileSync('echo', ['a', 'b c'], { encoding: 'utf8' })));
console.log(execFileSync('sh', ['-c', 'printf raw']));
try {
  execFileSync('sh', ['-c', 'exit 9'], { stdio: 'pipe' });
} catch (e) {
  console.log(JSON.stringify(e.message), e.status, e.signal, Object.keys(e).join(','));
}
try {
  execFileSync('no-such-program-def', ['q']);
} catch (e) {
  console.log(e.message, e.code, e.syscall, e.path, JSON.stringify(e.spawnargs), e.status, Object.keys(e).join(','));
}
