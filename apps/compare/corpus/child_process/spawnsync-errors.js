// spawnSync failures: a missing program, a timeout, output beyond maxBuffer.
const { spawnSync } = require('child_process');
const m = spawnSync('no-such-program-abc', ['x']);
console.log(Object.keys(m).join(','), m.status, m.signal, m.output, m.pid, m.stdout);
console.log(m.error.message, m.error.code, m.error.errno, m.error.syscall, m.error.path, JSON.stringify(m.error.spawnargs));
const t = spawnSync('sleep', ['30'], { timeout: 100 });
console.log('timeout', t.status, t.signal, t.error.message, t.error.code, t.error.syscall);
const b = spawnSync('sh', ['-c', 'head -c 100000 /dev/zero; sleep 30'], { maxBuffer: 10 });
console.log('maxBuffer', b.status, b.signal, b.error.message, b.error.code, b.stdout.length > 10);
const k = spawnSync('sleep', ['30'], { timeout: 50, killSignal: 'SIGKILL' });
console.log('killSignal', k.signal, k.error.code);
