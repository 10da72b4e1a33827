// A moved port's messages seen from a main-realm onmessage: not this realm's objects; the moved port posts back; hasRef, unref and close.
const { MessageChannel, moveMessagePortToContext } = require('worker_threads');
const vm = require('vm');
const ctx = vm.createContext({});
const ctxObject = vm.runInContext('Object', ctx);
const { port1, port2 } = new MessageChannel();
port2.on('close', () => console.log('old port close'));
const moved = moveMessagePortToContext(port2, ctx);
console.log('hasRef', moved.hasRef());
port2.postMessage('from the old object');
let n = 0;
moved.onmessage = function (e) {
  n++;
  console.log('got', n, e.data instanceof Object, e.data instanceof ctxObject, Object.keys(e.data).join(), e instanceof MessageEvent, this === moved);
  moved.postMessage({ echo: n });
};
port1.on('message', (m) => {
  console.log('port1 got', m, m instanceof Object);
  if (m.echo === 2) {
    moved.unref();
    console.log('hasRef after unref', moved.hasRef());
    moved.ref();
    port1.close();
  }
});
port1.on('close', () => console.log('port1 close'));
process.on('exit', () => console.log('hasRef at exit', moved.hasRef()));
moved.start();
port1.postMessage({ a: 1 });
port1.postMessage({ b: 2 });
