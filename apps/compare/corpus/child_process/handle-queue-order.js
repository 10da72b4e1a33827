// Sends behind a handle wait for its acknowledgement: send() returns
// whether the queue was empty, messages arrive in the order they were
// sent, and callbacks run once each write went out.
const { fork } = require('child_process');
const net = require('net');
const path = require('path');
const child = fork(path.join(__dirname, 'fixtures', 'handle-child.js'), [], { serialization: process.argv[2] || 'json' });
// What happens here, and what the child says, kept apart: how the two
// interleave depends on the scheduler.
const log = [];
const replies = [];
const server = net.createServer();
server.listen(0, '127.0.0.1', () => {
  log.push(`r1 ${child.send('first', server, (err) => log.push(`cb first ${err}`))}`);
  log.push(`r2 ${child.send('second', (err) => log.push(`cb second ${err}`))}`);
  log.push(`r3 ${child.send({ third: 3 }, server, { keepOpen: true }, (err) => log.push(`cb third ${err}`))}`);
  log.push(`r4 ${child.send(['fourth'], null, {}, () => log.push('cb fourth'))}`);
  log.push('sync done');
  let got = 0;
  child.on('message', (m) => {
    replies.push(m);
    if (++got === 4) {
      console.log(log.join('\n'));
      console.log(replies.join('\n'));
      server.close();
      child.send('done');
    }
  });
});
child.on('exit', (code, signal) => console.log('child exit', code, signal));
