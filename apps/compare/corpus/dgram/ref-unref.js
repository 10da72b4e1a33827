// An unref'd bound socket lets the process exit; ref() keeps it alive.
const dgram = require('dgram');
const a = dgram.createSocket('udp4');
a.bind(0, '127.0.0.1', () => {
  console.log('a bound, unref returns the socket:', a.unref() === a);
});
const b = dgram.createSocket('udp4');
b.bind(0, '127.0.0.1', () => {
  b.unref();
  b.ref();
  setTimeout(() => {
    console.log('b still alive, closing');
    b.close();
  }, 30);
});
process.on('exit', () => console.log('exit'));
