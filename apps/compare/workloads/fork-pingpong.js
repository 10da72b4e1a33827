// IPC ping-pong with a forked child of the same runtime: N round trips of a
// small message, timed from the first answer (the child's startup is not in
// it). Prints "rtps=<round trips per second>".
const { fork } = require('child_process');
if (process.argv[2] === 'child') {
  process.on('message', (m) => process.send(m));
} else {
  const n = Number(process.argv[2] || 10000);
  const child = fork(__filename, ['child']);
  let left = n;
  let start;
  child.on('message', () => {
    if (start === undefined) start = process.hrtime.bigint();
    else if (--left === 0) {
      const s = Number(process.hrtime.bigint() - start) / 1e9;
      console.log(`rtps=${(n / s).toFixed(0)}`);
      child.disconnect();
      return;
    }
    child.send({ i: left });
  });
  child.send({ i: left });
}
