// fork() with silent: the child's stdout is a pipe we read; without a
// message listener it ends by itself.
const { fork } = require('child_process');
const path = require('path');
const child = fork(path.join(__dirname, 'fixtures', 'ipc-quiet.js'), { silent: true });
let out = '';
child.stdout.on('data', (d) => (out += d));
child.on('disconnect', () => console.log('disconnect'));
child.on('exit', (code, signal) => console.log('exit', code, signal, 'connected', child.connected));
child.on('close', (code) => console.log('close', code, JSON.stringify(out), child.stdio.length, child.stdio[3]));
