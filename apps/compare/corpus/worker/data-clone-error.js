// What cannot be cloned or transferred throws DataCloneError (or Node's TypeError) at postMessage.
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
const tries = {
  function: () => port1.postMessage({ f() {} }),
  symbol: () => port1.postMessage(Symbol('s')),
  'port not in transferList': () => port1.postMessage(new MessageChannel().port1),
  'source port in transferList': () => port1.postMessage(1, [port1]),
  'number in transferList': () => port1.postMessage(1, [5]),
  'transferList not iterable': () => port1.postMessage(1, 5),
  'no arguments': () => port1.postMessage(),
  'construct MessagePort': () => new port1.constructor(),
};
for (const [name, f] of Object.entries(tries)) {
  try {
    f();
    console.log(name, 'no throw');
  } catch (e) {
    console.log(name, '->', e.name, e.code, e.message);
  }
}
console.log('still usable', require('worker_threads').receiveMessageOnPort(port2));
port1.close();
