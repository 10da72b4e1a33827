// Channels of one name on one thread: the sender hears nothing of its own,
// the others hear it in the order they were made, each message in order;
// one that closes stops hearing, even what was already sent to it; an
// 'onmessage' swapped keeps its place; a listener that throws is reported
// and the rest are still delivered.
const a = new BroadcastChannel('local');
const b = new BroadcastChannel('local');
const c = new BroadcastChannel('local');
const log = (who) => (e) => console.log(who, e.data);
a.onmessage = log('a');
b.onmessage = log('b first');
b.addEventListener('message', log('b listener'));
b.onmessage = log('b second');
let cCount = 0;
c.onmessage = (e) => {
  console.log('c', e.data);
  if (++cCount === 2) {
    c.close();
    // After this turn's deliveries, whatever the machine's speed.
    setImmediate(secondRound);
  }
};
process.on('uncaughtException', (err) => console.log('uncaught', err.message));
a.postMessage(1);
a.postMessage(2);
a.postMessage(3);
c.postMessage('from c');
function secondRound() {
  let threw = 0;
  b.onmessage = () => {
    // Closed once both have come, however long the machine takes.
    if (++threw === 2) {
      setImmediate(() => {
        a.close();
        b.close();
        console.log('closed');
      });
    }
    throw new Error('listener threw');
  };
  try {
    c.postMessage('after close');
  } catch (err) {
    console.log('closed channel:', err.name, err.message);
  }
  a.postMessage('to b');
  a.postMessage('to b again');
}
process.on('exit', () => console.log('exit'));
