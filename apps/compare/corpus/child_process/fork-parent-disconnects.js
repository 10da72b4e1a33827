// The parent disconnects: the child sees 'disconnect' and, with nothing
// else to do, exits; the parent gets 'disconnect' and 'exit' but, as in
// Node, no 'close' (the channel did not end from the child's side).
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'fixtures', 'ipc-echo.js'), { silent: true });
const parent = [];
let out = '';
let pending = 2;
const done = () => {
  if (--pending > 0) return;
  console.log(parent.join('\n'));
  console.log(JSON.stringify(out));
};
child.stdout.on('data', (d) => (out += d));
child.stdout.on('end', done);
child.once('message', (m) => {
  parent.push(`parent got ${JSON.stringify(m)}`);
  child.disconnect();
  parent.push(`after disconnect ${child.connected}`);
});
child.on('disconnect', () => parent.push('parent: disconnect'));
child.on('exit', (code, signal) => {
  parent.push(`parent: exit ${code} ${signal}`);
  done();
});
child.on('close', () => console.log('close must not fire'));
child.send('hello');
