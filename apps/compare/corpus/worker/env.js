// A worker's process.env is a copy (changes stay on their side) unless SHARE_ENV; env: {...} replaces it.
const { Worker, SHARE_ENV } = require('worker_threads');
process.env.MINI_WORKER_TEST = 'parent';
const code = `process.env.MINI_WORKER_TEST_SET = 'by worker'; require('worker_threads').parentPort.postMessage([process.env.MINI_WORKER_TEST, process.env.ONLY]);`;
function run(options, label, next) {
  const w = new Worker(code, { eval: true, ...options });
  w.on('message', (m) => console.log(label, m));
  w.on('exit', () => {
    console.log(label, 'parent sees', process.env.MINI_WORKER_TEST_SET);
    next();
  });
}
run({}, 'copy', () => run({ env: { ONLY: 'this' } }, 'given', () => run({ env: SHARE_ENV }, 'shared', () => {})));
