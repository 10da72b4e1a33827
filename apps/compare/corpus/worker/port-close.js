// Closing one end closes both: each emits 'close'; what was sent before the close still arrives.
const { MessageChannel } = require('worker_threads');
const { port1, port2 } = new MessageChannel();
port2.on('message', (m) => console.log('port2 got', m));
port2.on('close', () => {
  console.log('port2 close');
  port1.postMessage('after close is dropped');
  setTimeout(() => console.log('done'), 10);
});
port1.on('close', () => console.log('port1 close'));
port1.postMessage('before close');
port1.close();
port1.close();
