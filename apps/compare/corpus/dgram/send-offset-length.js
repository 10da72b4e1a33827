// send(buf, offset, length, port, address): only that slice is sent;
// datagrams keep their boundaries.
const dgram = require('dgram');
const s = dgram.createSocket('udp4');
const got = [];
s.on('message', (msg) => {
  got.push(msg.toString());
  if (got.length === 3) {
    console.log(got.join(' | '));
    s.close();
  }
});
s.bind(0, '127.0.0.1', () => {
  const port = s.address().port;
  const buf = Buffer.from('0123456789');
  s.send(buf, 2, 5, port, '127.0.0.1', (err, n) => {
    console.log('slice sent', err, n);
    s.send(buf, 0, 1, port, '127.0.0.1', () => {
      s.send('tail', port, '127.0.0.1');
    });
  });
});
