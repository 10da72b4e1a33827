// Argument validation: the errors thrown synchronously.
const net = require('net');
function attempt(label, fn) {
  try {
    fn();
    console.log(label, '-> no throw');
  } catch (e) {
    console.log(label, '->', e.name, e.code, e.message);
  }
}
attempt('connect port -1', () => net.connect({ port: -1, host: '127.0.0.1' }));
attempt('connect port 65536', () => net.connect(65536, '127.0.0.1'));
attempt('connect port "abc"', () => net.connect({ port: 'abc' }));
attempt('connect port 1.5', () => net.connect({ port: 1.5 }));
attempt('connect no args', () => net.connect());
attempt('connect {}', () => net.connect({}));
attempt('connect host 123', () => net.connect({ port: 80, host: 123 }));
attempt('listen port 65536', () => net.createServer().listen(65536));
attempt('listen port -2', () => net.createServer().listen({ port: -2 }));
attempt('listen {}', () => net.createServer().listen({}));
attempt('setTimeout "x"', () => new net.Socket().setTimeout('x'));
attempt('setTimeout -1', () => new net.Socket().setTimeout(-1));
attempt('createServer(1)', () => net.createServer(1));
attempt('write number', () => new net.Socket().write(1));
