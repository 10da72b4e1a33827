// MessagePort as an EventTarget: addEventListener gets a MessageEvent, on() gets the value, onmessage too.
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
console.log(port2 instanceof EventTarget, typeof port2.on, typeof port2.addEventListener);
port2.addEventListener('message', (e) => console.log('event', e.constructor.name, e.data, e.target === port2));
port2.on('message', function (m) {
  console.log('on', m, this === port2);
});
port2.onmessage = (e) => {
  console.log('onmessage', e.data);
  port2.close();
};
port2.once('close', () => console.log('close', port2.listenerCount('message')));
port1.postMessage({ x: [1, 2] });
