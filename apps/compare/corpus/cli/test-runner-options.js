// --test with node's options for it: --test-reporter (spec, dot; = or a
// separate value) and --test-name-pattern, which reaches each file's process.
const run = require('./fixtures/run-tests.js');
run(['--test', '--test-reporter=spec', 'math.test.js', 'timers-test.mjs']);
run(['--test', '--test-reporter', 'dot', 'math.test.js']);
run(['--test', '--test-name-pattern=inner', 'math.test.js']);
run(['--test', '--test-name-pattern', 'subtest|an immediate', 'timers-test.mjs']);
