// argv0 replaces the child's argv[0]; spawnargs shows it.
const { spawn } = require('child_process');
const child = spawn('sh', ['-c', 'echo "$0"', 'zero-from-args'], { argv0: 'my-sh' });
console.log(JSON.stringify(child.spawnargs), child.spawnfile);
child.stdout.on('data', (d) => process.stdout.write(`child: ${d}`));
child.on('close', (code) => console.log('close', code));
