// A child's stdout and stderr end before its 'exit' (Node runs child exits
// after the other I/O of the same poll, as libuv runs its signal watcher
// last), and 'close' comes after both; 50 short-lived children in a row.
const { spawn } = require('child_process');
const orders = new Map();
let left = 50;
(function next() {
  if (left-- === 0) {
    for (const [order, count] of orders) console.log(order, count);
    return;
  }
  const child = spawn('sh', ['-c', 'echo out; echo err >&2']);
  const seen = [];
  child.stdout.on('end', () => seen.push('end'));
  child.stderr.on('end', () => seen.push('end'));
  child.stdout.resume();
  child.stderr.resume();
  child.on('exit', () => seen.push('exit'));
  child.on('close', () => {
    seen.push('close');
    const key = seen.join(' ');
    orders.set(key, (orders.get(key) ?? 0) + 1);
    next();
  });
})();
