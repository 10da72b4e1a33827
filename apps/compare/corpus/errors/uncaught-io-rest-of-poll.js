// Two sockets become readable in one poll; the first one's listener throws.
// The uncaught handler runs, then the second socket's message in the same
// poll phase, and only then the immediate the first one scheduled, and a
// timer after that: a throw does not push the rest of a poll behind the
// check phase.
const dgram = require('dgram');

const a = dgram.createSocket('udp4');
const b = dgram.createSocket('udp4');
const sender = dgram.createSocket('udp4');
let bound = 0;
let rounds = 0;

process.on('uncaughtException', (err) => console.log('uncaught:', err.message));

a.on('message', (msg) => {
  console.log('a got', msg.toString());
  setImmediate(() => console.log('immediate from a'));
  setTimeout(() => console.log('timer from a'), 0);
  throw new Error(`a threw on ${msg}`);
});
b.on('message', (msg) => {
  console.log('b got', msg.toString());
  if (++rounds === 2) {
    setTimeout(() => {
      a.close();
      b.close();
      sender.close();
    }, 5);
  } else {
    setTimeout(send, 5, 'second');
  }
});

function send(tag) {
  sender.send(tag, a.address().port, '127.0.0.1', () => {
    sender.send(tag, b.address().port, '127.0.0.1');
  });
}

function ready() {
  if (++bound === 2) send('first');
}
a.bind(0, '127.0.0.1', ready);
b.bind(0, '127.0.0.1', ready);
process.on('exit', () => console.log('exit'));
