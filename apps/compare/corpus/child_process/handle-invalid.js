// What send() refuses, and what it sends without a handle: a socket that
// has none (never connected, or destroyed) goes as a plain message.
const { fork } = require('child_process');
const net = require('net');
const path = require('path');
const child = fork(path.join(__dirname, 'fixtures', 'handle-child.js'));
for (const bad of [{}, 'str', 42, true, new (require('events'))()]) {
  try {
    child.send('x', bad);
  } catch (e) {
    console.log(typeof bad, e.name, e.code, e.message);
  }
}
try {
  child.send('x', null, 'opts');
} catch (e) {
  console.log(e.name, e.code, e.message);
}
const unconnected = new net.Socket();
child.send({ socket: 'unconnected' }, unconnected, (err) => console.log('callback', err));
const server = net.createServer();
child.send('server not listening', server);
let got = 0;
child.on('message', (m) => {
  console.log(m);
  if (++got === 2) child.send('done');
});
child.on('exit', (code, signal) => {
  console.log('child exit', code, signal);
  child.send('late', server, (err) => console.log('after exit:', err.code, err.message));
});
