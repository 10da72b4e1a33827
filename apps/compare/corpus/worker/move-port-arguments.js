// moveMessagePortToContext's argument checks, and a port moved but never started still keeping the process alive until unref().
const { MessageChannel, moveMessagePortToContext } = require('worker_threads');
const vm = require('vm');
const { port1 } = new MessageChannel();
for (const [p, c] of [[{}, vm.createContext()], [null, vm.createContext()], [port1, {}], [port1, null], [port1, undefined]]) {
  try {
    moveMessagePortToContext(p, c);
    console.log('moved');
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
port1.close();
const channel = new MessageChannel();
const moved = moveMessagePortToContext(channel.port2, vm.createContext());
setTimeout(() => {
  console.log('still running', moved.hasRef());
  moved.unref();
}, 10);
process.on('exit', () => console.log('exit', moved.hasRef()));
