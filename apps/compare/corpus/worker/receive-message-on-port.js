// receiveMessageOnPort takes queued messages synchronously, without a listener; undefined when empty.
const { MessageChannel, receiveMessageOnPort } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
port1.postMessage({ a: 1 });
port1.postMessage([2]);
console.log(receiveMessageOnPort(port2));
console.log(receiveMessageOnPort(port2));
console.log(receiveMessageOnPort(port2));
for (const bad of [{}, null, 5]) {
  try {
    receiveMessageOnPort(bad);
  } catch (e) {
    console.log(e.name, e.code, e.message);
  }
}
port1.close();
