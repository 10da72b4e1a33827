// channel.unref() in the child lets it exit although it listens for
// messages; in the parent, child.channel.unref() plus child.unref() lets
// the parent exit while a child still runs.
const { fork } = require('child_process');
const path = require('path');
const a = fork(path.join(__dirname, 'fixtures', 'ipc-unref.js'));
a.on('exit', (code, signal) => {
  console.log('first child exit', code, signal);
  const b = fork(path.join(__dirname, 'fixtures', 'ipc-echo.js'));
  b.on('message', (m) => {
    console.log('parent got', JSON.stringify(m));
    b.channel.unref();
    b.unref();
    process.on('exit', () => {
      console.log('parent exits with the child still running');
      b.kill('SIGKILL');
    });
  });
  b.send('ping');
});
