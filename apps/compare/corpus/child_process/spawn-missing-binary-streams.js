// After a failed start the stdio streams still work as Node's do: a write
// to stdin fails with EPIPE, stdout ends, and 'close' waits for it.
const { spawn } = require('child_process');
const c = spawn('no-such-program-for-streams');
const events = [];
c.stdout.on('data', (d) => events.push(`data ${d}`));
c.stdout.on('end', () => events.push('stdout end'));
c.stdout.on('close', () => events.push('stdout close'));
c.stdin.on('error', (e) => events.push(`stdin error ${e.code}`));
c.stdin.write('hello', (err) => events.push(`write cb ${err && err.code}`));
c.on('error', (e) => events.push(`error ${e.code}`));
c.on('close', (code) => {
  events.push(`close ${code}`);
  setTimeout(() => console.log(events.join('\n')), 10);
});
