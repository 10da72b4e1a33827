// spawnSync with a large input the child echoes back: input and output
// flow at once on the sync loop, nothing is lost or reordered.
const { spawnSync, execFileSync } = require('child_process');
const crypto = require('crypto');
const input = Buffer.alloc(8 * 1024 * 1024);
for (let i = 0; i < input.length; i++) input[i] = (i * 7) & 0xff;
const r = spawnSync('cat', { input, maxBuffer: 64 * 1024 * 1024 });
const hash = (b) => crypto.createHash('sha256').update(b).digest('hex').slice(0, 16);
console.log(r.status, r.signal, r.stdout.length, hash(r.stdout) === hash(input));
const out = execFileSync('sh', ['-c', 'cat; echo tail'], { input: 'head\n'.repeat(100000), maxBuffer: 10 * 1024 * 1024 });
console.log(out.length, out.slice(-5).toString());
const small = spawnSync('cat', { input, maxBuffer: 1024 });
console.log('overflow', small.error && small.error.code, small.signal);
