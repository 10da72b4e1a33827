// --test as node runs it: the files found by node's default patterns (or
// the files and folders named), each run in its own process, one TAP report
// merged from theirs; exit code 1 on a failure or a missing file.
const run = require('./fixtures/run-tests.js');
run(['--test']);
run(['--test', 'passes.test.cjs', 'test']);
run(['--test', 'missing.test.js']);
