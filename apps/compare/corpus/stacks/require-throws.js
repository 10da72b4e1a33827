// A module that throws while it is required: the stack runs through node's
// loader frames for each module on the way, and the error reaches the
// requirer's catch.
try {
  require('./fixtures/throws-when-required.js');
} catch (err) {
  console.log(err.stack.replaceAll(__dirname, '.').replace(/^ {4}at /gm, '    | '));
}
