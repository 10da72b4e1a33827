// The report of an uncaught error that the runtime itself threw opens with
// the header node prints for the same error (node's throw site: file:line,
// source line, caret), wherever the runtime threw it: argument validators,
// a missing module (the main one or a required one), errors node throws at
// their own line, errno errors of sync calls, and one thrown in a timer.
const { spawnSync } = require('child_process');
const path = require('path');
const show = (args) => {
  const r = spawnSync(process.execPath, args, { encoding: 'utf8' });
  const stderr = r.stderr
    .replaceAll(__dirname, '.')
    .split('\n')
    .filter((line) => !/^\s+at /.test(line));
  console.log(`${JSON.stringify(args.map((a) => a.replace(__dirname, '.')))} -> ${r.status}\n${stderr.join('\n')}`);
};
for (const code of [
  "setTimeout('not a function')",
  "require('fs').readFileSync()",
  "require('net').connect({ port: 'x' })",
  "require('dns').lookup('localhost', { family: 9 })",
  "require('child_process').spawn(5)",
  "require('node:no-such-builtin')",
  "require('./no-such-file')",
  "new (require('net').Socket)({ fd: 2147483647 })",
  "require('tty').ReadStream(2147483647)",
  "require('dgram').createSocket('no-such-type')",
  "require('dns').setServers(['not an address'])",
  "require('http').request({ method: 'no good' })",
  'process.kill(2147483647)',
  "require('child_process').execFileSync('/no-such-dir/x')",
  "setTimeout(() => require('http').createServer().listen({ port: 1e6 }), 1)",
]) {
  show(['-e', code]);
}
show([path.join(__dirname, 'no-such-main.js')]);
