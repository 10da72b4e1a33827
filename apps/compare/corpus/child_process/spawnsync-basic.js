// spawnSync: status, signal, output (null for stdin), stdout, stderr, and
// input given to the child's stdin.
const { spawnSync } = require('child_process');
const r = spawnSync('sh', ['-c', 'cat; echo err >&2; exit 2'], { input: 'from input\n' });
console.log(Object.keys(r).join(','), r.status, r.signal, r.output[0], String(r.stdout), String(r.stderr), typeof r.pid);
const e = spawnSync('sh', ['-c', 'printf x'], { encoding: 'utf8' });
console.log(JSON.stringify(e.stdout), JSON.stringify(e.stderr), JSON.stringify(e.output));
const k = spawnSync('sh', ['-c', 'kill -KILL $$']);
console.log('killed', k.status, k.signal, k.stdout.length);
const buf = spawnSync('cat', { input: Buffer.from([1, 2, 3]) });
console.log('buffer input', buf.stdout);
const u8 = spawnSync('cat', { input: new Uint8Array([4, 5]) });
console.log('uint8 input', u8.stdout);
const ign = spawnSync('sh', ['-c', 'echo hidden'], { stdio: 'ignore' });
console.log('ignored', JSON.stringify(ign.output), ign.stdout, ign.status);
