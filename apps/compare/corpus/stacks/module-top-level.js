// A stack at a module's top level and in a module it requires: node's
// loader frames, Module._compile to run_main_module.
const show = (label, err) => console.log(`${label}\n${err.stack.replaceAll(__dirname, '.').replace(/^ {4}at /gm, '    | ')}`);
show('main module', new Error('m'));
require('./fixtures/stack-in-required.js');
