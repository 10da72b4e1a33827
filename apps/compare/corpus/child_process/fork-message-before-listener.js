// Messages that reach a process before it listens for 'message' wait for its
// first listener, on both ends and in both serializations, in order, and are
// emitted on the tick after the listener is added. vitest's forks pool sends
// 'start' to a child whose ES module graph is still loading.
const { fork } = require('child_process');
const path = require('path');

function run(serialization, done) {
  const child = fork(path.join(__dirname, 'fixtures', 'ipc-late-listener.mjs'), [], { serialization });
  for (let n = 1; n <= 3; n++) child.send({ n, serialization });
  let echoes = 0;
  child.on('exit', (code) => {
    console.log(serialization, 'child exit', code);
    done();
  });
  // The parent listens late too: the child's greeting waits for it.
  setTimeout(() => {
    child.on('message', (m) => {
      console.log(serialization, 'parent got', JSON.stringify(m));
      if (m.echo && ++echoes === 3) {
        // Two at once while the child has no listener; later one more.
        child.send('first of two');
        child.send('second of two');
        setTimeout(() => child.send('after both'), 600);
      }
    });
    console.log(serialization, 'parent listening');
  }, 100);
}

run('json', () => run('advanced', () => console.log('done')));
