// stdio modes: 'ignore' gives no streams, 'inherit' writes straight to our
// stdout, an fd number is used as is, an array mixes them.
const { spawn } = require('child_process');
const a = spawn('sh', ['-c', 'echo ignored'], { stdio: 'ignore' });
console.log('ignore', a.stdin, a.stdout, a.stderr, a.stdio.length);
a.on('close', (code) => {
  console.log('ignore close', code);
  const b = spawn('sh', ['-c', 'echo "inherited line"'], { stdio: 'inherit' });
  b.on('close', (code) => {
    console.log('inherit close', code, b.stdout, b.stdio.length);
    const c = spawn('sh', ['-c', 'echo "to fd 1"; echo "to stderr" >&2'], { stdio: ['pipe', 1, 'pipe'] });
    let err = '';
    c.stderr.on('data', (d) => (err += d));
    c.on('close', (code) => {
      console.log('array close', code, c.stdout, JSON.stringify(err));
    });
  });
});
