// fork(): messages both ways over the IPC channel, in order, then the
// child disconnects: 'disconnect', 'exit' and 'close' in the parent.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'fixtures', 'ipc-echo.js'), ['one', 'two']);
console.log('parent:', child.connected, typeof child.send, child.stdio.length, child.stdout, JSON.stringify(child.spawnargs.slice(-3).map((a) => path.basename(a))));
const seen = [];
child.on('message', (m) => {
  seen.push(JSON.stringify(m).slice(0, 80));
  if (seen.length === 4) child.send('bye');
});
child.on('disconnect', () => seen.push('disconnect'));
child.on('exit', (code, signal) => seen.push(`exit ${code} ${signal}`));
child.on('close', (code, signal) => {
  seen.push(`close ${code} ${signal}`);
  console.log(seen.join('\n'));
});
const sent = [child.send({ a: 1, nested: { b: [true, null] } }), child.send('text with ünïcode'), child.send(42), child.send('x'.repeat(100000))];
console.log('send returned', sent.join(','));
