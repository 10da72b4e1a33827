// process.execPath starts the same runtime: a child that listens to
// SIGTERM handles it, one that does not dies by it (exit null SIGTERM).
const { spawn } = require('child_process');
const listening = spawn(process.execPath, ['-e', `
  process.on('SIGTERM', (name) => { console.log('child got', name); process.exit(3); });
  setInterval(() => {}, 1000);
  console.log('ready');
`]);
listening.stdout.setEncoding('utf8');
let out = '';
listening.stdout.on('data', (d) => {
  out += d;
  if (out === 'ready\n') listening.kill('SIGTERM');
});
listening.on('close', (code, signal) => {
  console.log(JSON.stringify(out), 'close', code, signal);
  const plain = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000); console.log("ready")']);
  plain.stdout.once('data', () => plain.kill('SIGTERM'));
  plain.on('close', (code2, signal2) => console.log('default action', code2, signal2));
});
