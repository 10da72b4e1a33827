// A MessageChannel within one thread: delivery after the current code, in order, ticks and promises between.
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
const seen = [];
port2.on('message', (m) => {
  seen.push(m);
  process.nextTick(() => seen.push('tick after ' + m));
  Promise.resolve().then(() => seen.push('promise after ' + m));
  if (m === 3) {
    port2.close();
  }
});
port2.on('close', () => console.log(seen.join('\n')));
port1.postMessage(1);
port1.postMessage(2);
port1.postMessage(3);
seen.push('sync end');
