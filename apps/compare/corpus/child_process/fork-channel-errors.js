// Sending on a closed channel and disconnecting twice fail as Node does;
// bad messages throw at once.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'fixtures', 'ipc-quiet.js'));
for (const bad of [undefined, Symbol('s'), () => {}]) {
  try {
    child.send(bad);
  } catch (e) {
    console.log('throws', e.code, e.message);
  }
}
child.on('error', (e) => console.log('error event', e.code, e.message));
child.on('exit', () => {
  console.log('connected at exit', child.connected, child.channel);
  console.log('send returned', child.send('late', (err) => console.log('callback', err.code, err.message)));
  child.send('no callback');
  child.disconnect();
});
child.on('close', (code) => console.log('close', code));
