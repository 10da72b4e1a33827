// How a worker ends shows on the primary: its own exit code, a signal it
// sends itself, and a primary that goes away first (the worker leaves with
// 0 when its channel closes).
const cluster = require('cluster');
if (cluster.isPrimary) {
  const results = {};
  for (const how of ['code', 'signal', 'zero']) {
    const w = cluster.fork({ HOW: how });
    w.on('exit', (code, signal) => {
      results[how] = [code, signal, w.exitedAfterDisconnect];
      if (Object.keys(results).length === 3) {
        for (const k of ['code', 'signal', 'zero']) console.log(k, JSON.stringify(results[k]));
      }
    });
  }
} else if (process.env.HOW === 'code') {
  process.exit(7);
} else if (process.env.HOW === 'signal') {
  process.kill(process.pid, 'SIGINT');
} else {
  process.disconnect();
}
