// Bad ports and types for send / bind / connect.
const dgram = require('dgram');
const s = dgram.createSocket('udp4');
function attempt(label, fn) {
  try {
    fn();
    console.log(label, '-> no throw');
  } catch (e) {
    console.log(label, '->', e.name, e.code, e.message);
  }
}
attempt('send port -1', () => s.send('x', -1, '127.0.0.1'));
attempt('send port 0', () => s.send('x', 0, '127.0.0.1'));
attempt('send port 65536', () => s.send('x', 65536, '127.0.0.1'));
attempt('send no port', () => s.send('x'));
attempt('send number msg', () => s.send(5, 9, '127.0.0.1'));
attempt('connect port 0', () => s.connect(0, '127.0.0.1'));
attempt('connect port "x"', () => s.connect('x', '127.0.0.1'));
attempt('createSocket udp5', () => dgram.createSocket('udp5'));
attempt('createSocket {}', () => dgram.createSocket({}));
attempt('createSocket none', () => dgram.createSocket());
s.close();
