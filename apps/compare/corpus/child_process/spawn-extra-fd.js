// A fourth stdio slot as a pipe: the child writes to its fd 3, we read it.
const { spawn } = require('child_process');
const child = spawn('sh', ['-c', 'echo "on three" >&3; echo "on one"'], { stdio: ['ignore', 'pipe', 'inherit', 'pipe'] });
const got = { 1: '', 3: '' };
child.stdio[1].on('data', (d) => (got[1] += d));
child.stdio[3].on('data', (d) => (got[3] += d));
child.on('close', (code) => console.log(code, JSON.stringify(got), child.stdio.length, child.stdio[0], child.stdio[2]));
