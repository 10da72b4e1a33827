// execSync returns stdout (a Buffer, or a string with an encoding) and
// throws for a failing command with status, signal, output.
const { execSync } = require('child_process');
console.log(execSync('echo hello'));
console.log(JSON.stringify(execSync('echo "$0"', { encoding: 'utf8' })));
console.log(JSON.stringify(execSync('cat', { input: 'piped', encoding: 'utf8' })));
try {
  execSync('echo partial; echo oops >&2; exit 4', { stdio: 'pipe' });
} catch (e) {
  console.log(JSON.stringify(e.message), e.status, e.signal, String(e.stdout), String(e.stderr), Object.keys(e).join(','));
}
try {
  execSync('kill -TERM $$');
} catch (e) {
  console.log('signal', e.status, e.signal, JSON.stringify(e.message));
}
