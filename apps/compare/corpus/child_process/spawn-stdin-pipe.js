// Data written to a child's stdin arrives in order; end() gives it EOF.
const { spawn } = require('child_process');
const child = spawn('sh', ['-c', 'cat; echo "[eof]"']);
let out = '';
child.stdout.setEncoding('utf8');
child.stdout.on('data', (d) => (out += d));
for (let i = 0; i < 100; i++) child.stdin.write(`line ${i}\n`);
child.stdin.end(Buffer.from('last\n'));
child.on('close', (code) => {
  const lines = out.split('\n');
  console.log('code', code, 'lines', lines.length, lines[0], lines[99], lines[100], lines[101]);
});
