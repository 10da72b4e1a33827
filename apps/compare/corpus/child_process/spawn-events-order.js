// The events of a child in Node's order: spawn, then output to its end,
// exit, and close only after every stdio stream has closed.
const { spawn } = require('child_process');
const events = [];
const child = spawn('sh', ['-c', 'echo one; echo two >&2; exit 3']);
child.on('spawn', () => events.push('spawn'));
child.stdout.on('data', (d) => events.push(`stdout data ${JSON.stringify(String(d))}`));
child.stdout.on('end', () => events.push('stdout end'));
child.stdout.on('close', () => events.push('stdout close'));
child.stderr.on('close', () => events.push('stderr close'));
child.on('exit', (code, signal) => events.push(`exit ${code} ${signal}`));
child.on('close', (code, signal) => {
  events.push(`close ${code} ${signal}`);
  // Which of exit and the stream ends comes first depends on timing, and so
  // does whether the last stream's own 'close' listeners ran before this
  // one; close is always last of the child's events, and by the next turn
  // every stream has closed.
  setImmediate(() => {
    console.log(events[0], '|', events.filter((e) => !e.endsWith('close')).pop());
    console.log(events.filter((e) => e.startsWith('stdout')).join('\n'));
    console.log('exit seen', events.includes('exit 3 null'), 'stderr closed', events.includes('stderr close'));
    console.log(child.exitCode, child.signalCode, child.killed, child.spawnfile, JSON.stringify(child.spawnargs));
  });
});
console.log('sync: pid is a number', typeof child.pid === 'number', 'exitCode', child.exitCode, 'stdio length', child.stdio.length);
