// A child started with execPath 'node' speaks the same IPC protocol: under
// mini this is a mini parent with a node child.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'fixtures', 'ipc-echo.js'), ['x'], { execPath: 'node' });
const seen = [];
child.on('message', (m) => {
  seen.push(JSON.stringify(m));
  child.send('bye');
});
child.on('close', (code, signal) => console.log(seen.join('\n'), '\nclose', code, signal));
child.send({ from: 'parent' });
