// send() takes a list of buffers (and strings, and typed arrays): one datagram.
const dgram = require('dgram');
const s = dgram.createSocket('udp4');
let n = 0;
s.on('message', (msg, rinfo) => {
  console.log('message', ++n, JSON.stringify(msg.toString()), 'size', rinfo.size);
  if (n === 3) s.close();
});
s.bind(0, '127.0.0.1', () => {
  const port = s.address().port;
  s.send([Buffer.from('ab'), Buffer.from('cd'), 'ef'], port, '127.0.0.1', (err, bytes) => {
    console.log('list sent', err, bytes);
    s.send(new Uint8Array([104, 105]), port, '127.0.0.1', (err2, b2) => {
      console.log('Uint8Array sent', err2, b2);
      s.send([], port, '127.0.0.1', (err3, b3) => console.log('empty list sent', err3, b3));
    });
  });
});
