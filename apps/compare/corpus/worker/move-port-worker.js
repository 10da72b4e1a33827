// A port whose other end is in a worker, moved into a vm context: the worker's messages arrive as the context's objects.
const { Worker, MessageChannel, moveMessagePortToContext } = require('worker_threads');
const vm = require('vm');
const ctx = vm.createContext({ log: (...args) => console.log(...args) });
const { port1, port2 } = new MessageChannel();
const code = `const { workerData: port } = require('worker_threads');
port.postMessage({ from: 'worker', list: [1, 2], when: new Date(0) });
port.postMessage({ last: true });`;
const w = new Worker(code, { eval: true, workerData: port1, transferList: [port1] });
const moved = moveMessagePortToContext(port2, ctx);
ctx.port = moved;
vm.runInContext(
  `port.onmessage = (e) => {
    log('in context', JSON.stringify(e.data), e.data instanceof Object, e.data.list instanceof Array, e.data.when instanceof Date);
    if (e.data.last) port.close();
  };`,
  ctx,
);
moved.start();
w.on('exit', (code) => process.on('exit', () => console.log('worker exit', code)));
