// eval: true runs code, with require, as [worker eval]; argv is appended to process.argv.
const { Worker } = require('worker_threads');
const code = `
const { parentPort, isMainThread, workerData } = require('worker_threads');
parentPort.postMessage({ isMainThread, workerData, file: __filename, argv: process.argv.slice(1), path: typeof require('path').join });
`;
const w = new Worker(code, { eval: true, workerData: 'data', argv: ['a', 1] });
w.on('message', (m) => console.log(m));
w.on('exit', (code) => console.log('exit', code));
