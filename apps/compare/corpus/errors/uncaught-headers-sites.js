// The report of an uncaught error the runtime threw, for errors node throws
// at a line of their own rather than through its validators: the header is
// that line's (a coded error's, an errno error of a sync call's).
const show = require('./fixtures/show-uncaught.js');
for (const code of [
  "require('node:no-such-builtin')",
  "new (require('net').Socket)({ fd: 2147483647 })",
  "require('tty').ReadStream(2147483647)",
  "require('dgram').createSocket('no-such-type')",
  "require('dns').setServers(['not an address'])",
  "require('http').request({ method: 'no good' })",
  'process.kill(2147483647)',
  "require('child_process').execFileSync('/no-such-dir/x')",
]) {
  show(['-e', code]);
}
