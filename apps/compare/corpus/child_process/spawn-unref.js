// An unref'd child does not keep the parent alive; a ref'd one does.
const { spawn } = require('child_process');
const waited = spawn('sh', ['-c', 'exit 0'], { stdio: 'ignore' });
waited.on('exit', (code) => {
  console.log('ref child exit', code);
  const loose = spawn('sleep', ['2'], { stdio: 'ignore' });
  loose.unref();
  loose.on('exit', () => console.log('must not be seen'));
  process.on('exit', () => {
    console.log('parent exits first');
    loose.kill('SIGKILL');
  });
});
