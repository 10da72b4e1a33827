// A Worker from a file: URL object, and from an absolute path; relative './' paths resolve from the cwd.
const { Worker, isMainThread, parentPort } = require('worker_threads');
const { pathToFileURL } = require('url');
if (isMainThread) {
  const a = new Worker(pathToFileURL(__filename));
  a.on('message', (m) => {
    console.log('url worker', m);
    const b = new Worker(__filename);
    b.on('message', (n) => console.log('path worker', n));
  });
} else {
  parentPort.postMessage(require('path').basename(__filename));
}
