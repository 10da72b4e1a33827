// A worker given execArgv of its own sees only those in process.execArgv,
// and its BroadcastChannel reaches the main thread's. (The message and the
// worker's exit may come in either order: both are printed at the end.)
const { Worker, BroadcastChannel } = require('worker_threads');
const seen = {};
const bc = new BroadcastChannel('flags');
bc.onmessage = (e) => {
  seen.message = e.data;
  bc.close();
};
const w = new Worker("const b = new BroadcastChannel('flags'); b.postMessage(process.execArgv); b.close();", {
  eval: true,
  execArgv: ['--no-warnings'],
});
w.on('error', (err) => (seen.error = err.message));
w.on('exit', (code) => (seen.exit = code));
process.on('exit', () => console.log(seen));
