// A child that inherits the environment sees process.env as it is at the
// spawn: a variable set, changed or deleted just before, one the program
// put on the environment's prototype, and a process.env replaced by an
// object of the program's own; the IPC variables come after all of them.
const { spawnSync, spawn } = require('child_process');
const show = 'echo "${MINI_T_A-unset} ${MINI_T_B-unset} ${MINI_T_C-unset} ${MINI_T_P-unset}"';
const run = (options) => String(spawnSync('sh', ['-c', show], options).stdout).trim();

process.env.MINI_T_A = 'a';
process.env.MINI_T_B = 42;
console.log('set', run());
process.env.MINI_T_A = 'changed';
delete process.env.MINI_T_B;
console.log('changed and deleted', run());
console.log('explicit process.env', run({ env: process.env }));
console.log('env null', run({ env: null }));
console.log('a copy plus one', run({ env: { ...process.env, MINI_T_C: 'c' } }));

Object.getPrototypeOf(process.env).MINI_T_P = 'from the prototype';
console.log('prototype key', run());
delete Object.getPrototypeOf(process.env).MINI_T_P;

const real = process.env;
process.env = { PATH: real.PATH, MINI_T_A: 'replaced' };
console.log('replaced process.env', run());
process.env = real;
console.log('real again', run());

const child = spawn('sh', ['-c', 'echo "$NODE_CHANNEL_FD"; env | grep -c "^NODE_CHANNEL_FD="'], { stdio: ['pipe', 'pipe', 'pipe', 'ipc'] });
let out = '';
child.stdout.on('data', (d) => (out += d));
child.on('close', (code) => {
  console.log('ipc child', JSON.stringify(out), code);
  new (require('worker_threads').Worker)(
    `process.env.MINI_T_A = 'in a worker';
     const r = require('child_process').spawnSync('sh', ['-c', 'echo "$MINI_T_A"']);
     console.log('worker', String(r.stdout).trim());`,
    { eval: true },
  ).on('exit', () => console.log('main after worker', run()));
});
