// One name across threads: each worker's post reaches the main thread's
// channel (and the other workers' ones), the main thread's reaches every
// worker, and a different name hears nothing. Threads finish in any order,
// so what each says is printed once all have exited.
const { Worker, isMainThread, BroadcastChannel, parentPort, workerData } = require('worker_threads');
const WORKERS = 3;
if (isMainThread) {
  const bc = new BroadcastChannel('room');
  const other = new BroadcastChannel('elsewhere');
  other.onmessage = (e) => console.log('elsewhere heard', e.data);
  const heard = [];
  let ready = 0;
  let done = 0;
  bc.onmessage = (e) => {
    heard.push(e.data);
    if (heard.length === WORKERS) {
      console.log('main heard', heard.sort());
      bc.postMessage('from main');
    }
  };
  const workers = [];
  const reports = [];
  const exits = [];
  for (let i = 0; i < WORKERS; i++) {
    const w = new Worker(__filename, { workerData: i });
    w.on('message', (m) => {
      if (m === 'ready' && ++ready === WORKERS) for (const x of workers) x.postMessage('go');
      else if (m !== 'ready') {
        reports[i] = m;
        if (++done === WORKERS) {
          bc.close();
          other.close();
        }
      }
    });
    w.on('exit', (code) => {
      exits[i] = code;
      if (exits.filter((c) => c !== undefined).length === WORKERS) console.log('reports', reports, 'exit codes', exits);
    });
    workers.push(w);
  }
} else {
  const bc = new BroadcastChannel('room');
  const seen = [];
  // The other workers' posts and the main thread's, in whatever order they come.
  bc.onmessage = (e) => {
    seen.push(e.data);
    if (seen.length === WORKERS) {
      parentPort.postMessage(seen.sort());
      bc.close();
      parentPort.close();
    }
  };
  parentPort.on('message', () => bc.postMessage(`worker ${workerData}`));
  parentPort.postMessage('ready');
}
