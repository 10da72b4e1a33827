// moveMessagePortToContext: the moved port's messages are the context's objects, its onmessage gets the context's MessageEvent.
const { MessageChannel, moveMessagePortToContext } = require('worker_threads');
const vm = require('vm');
const ctx = vm.createContext({ log: (...args) => console.log(...args) });
const { port1, port2 } = new MessageChannel();
const moved = moveMessagePortToContext(port2, ctx);
console.log(typeof moved, moved === port2, moved.constructor.name, moved.onmessage, typeof moved.on, typeof moved.addEventListener);
console.log(Object.getOwnPropertyNames(Object.getPrototypeOf(moved)).sort().join());
ctx.port = moved;
vm.runInContext(
  `port.onmessage = function (e) {
    const d = e.data;
    log('in context', e.constructor.name, e.type, e.target === port, this === port, Array.isArray(e.ports), e.ports.length);
    log(' ', d instanceof Object, d.list instanceof Array, d.when instanceof Date, d.when.getTime(), d.map instanceof Map, d.map.get('k'));
    log(' ', d.set instanceof Set, d.bytes instanceof Uint8Array, d.bytes.buffer instanceof ArrayBuffer, Array.from(d.bytes).join(), d.re instanceof RegExp, String(d.re));
    log(' ', d.self === d, d.list[1] === d.list[2], d.err instanceof RangeError, d.err.message, d.boxed instanceof Number, +d.boxed);
    if (d.last) port.close();
  };`,
  ctx,
);
moved.start();
const shared = { n: 1 };
const msg = { list: [1, shared, shared], when: new Date(86400000), map: new Map([['k', 'v']]), set: new Set([1]) };
msg.bytes = Buffer.from([1, 2, 3]);
msg.re = /a+b/gi;
msg.err = new RangeError('out');
msg.boxed = Object(7);
msg.self = msg;
port1.postMessage(msg);
port1.postMessage({ ...msg, self: null, last: true });
// The moved port's close reaches port1, which a 'message' listener keeps receiving.
port1.on('message', (m) => console.log('port1 got', m));
port1.on('close', () => console.log('port1 close'));
