// Using a closed socket: ERR_SOCKET_DGRAM_NOT_RUNNING, thrown or called back.
const dgram = require('dgram');
const s = dgram.createSocket('udp4');
s.bind(0, '127.0.0.1', () => {
  s.close(() => {
    for (const [label, fn] of [
      ['send', () => s.send('x', 9, '127.0.0.1')],
      ['address', () => s.address()],
      ['close', () => s.close()],
      ['bind', () => s.bind(0)],
    ]) {
      try {
        fn();
        console.log(label, 'no throw');
      } catch (e) {
        console.log(label, '->', e.name, e.code, e.message);
      }
    }
  });
});
