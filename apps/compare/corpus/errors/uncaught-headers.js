// The report of an uncaught error that the runtime itself threw opens with
// the header node prints for the same error (node's throw site: file:line,
// source line, caret): its argument validators' rethrow, its loader's for a
// missing module (the main one or a required one), and one thrown in a timer.
const path = require('path');
const show = require('./fixtures/show-uncaught.js');
for (const code of [
  "setTimeout('not a function')",
  "require('fs').readFileSync()",
  "require('net').connect({ port: 'x' })",
  "require('dns').lookup('localhost', { family: 9 })",
  "require('child_process').spawn(5)",
  "require('./no-such-file')",
  "setTimeout(() => require('http').createServer().listen({ port: 1e6 }), 1)",
]) {
  show(['-e', code]);
}
show([path.join(__dirname, 'no-such-main.js')]);
