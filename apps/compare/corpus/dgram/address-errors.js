// address() before bind, remoteAddress() when not connected, and the shape
// of createSocket's options.
const dgram = require('dgram');
const s = dgram.createSocket({ type: 'udp4', reuseAddr: true });
for (const [label, fn] of [
  ['address before bind', () => s.address()],
  ['remoteAddress not connected', () => s.remoteAddress()],
  ['disconnect not connected', () => s.disconnect()],
]) {
  try {
    console.log(label, '->', fn());
  } catch (e) {
    console.log(label, '->', e.name, e.code, e.message);
  }
}
s.bind({ port: 0, address: '127.0.0.1' }, () => {
  console.log('bound with an options object:', s.address().address);
  s.close();
});
