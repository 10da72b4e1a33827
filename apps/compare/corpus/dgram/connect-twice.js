// connect() on a connected socket throws; disconnect() then allows it again.
const dgram = require('dgram');
const s = dgram.createSocket('udp4');
s.connect(9, '127.0.0.1', () => {
  try {
    s.connect(10, '127.0.0.1');
  } catch (e) {
    console.log('connect twice ->', e.name, e.code, e.message);
  }
  try {
    s.send('x', 9, '127.0.0.1', () => console.log('unexpected send callback'));
    console.log('send with address while connected -> no throw');
  } catch (e) {
    console.log('send with address while connected ->', e.name, e.code, e.message);
  }
  s.disconnect();
  console.log('disconnected');
  try {
    s.remoteAddress();
  } catch (e) {
    console.log('remoteAddress ->', e.name, e.code, e.message);
  }
  try {
    s.disconnect();
  } catch (e) {
    console.log('disconnect twice ->', e.name, e.code, e.message);
  }
  s.connect(9, '127.0.0.1', () => {
    console.log('connected again');
    s.close();
  });
});
