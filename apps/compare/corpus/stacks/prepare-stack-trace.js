// Error.prepareStackTrace is the program's: undefined until it sets one,
// and a formatter it installs gets node's CallSites where node has them.
const fs = require('fs');
console.log(typeof Error.prepareStackTrace, Error.stackTraceLimit);
Error.prepareStackTrace = (err, sites) =>
  `${err.message}: ${sites
    .map(
      (s) =>
        `${s.getTypeName()} ${s.getFunctionName()} ${(s.getFileName() ?? '').replace(__dirname, '.')} ${s.getLineNumber() > 0} ${s.isNative()}`,
    )
    .join(' / ')}`;
setTimeout(() => {
  console.log(new Error('in a timer').stack);
  fs.stat(__filename, () => {
    console.log(new Error('in fs.stat').stack);
    Error.prepareStackTrace = undefined;
    console.log(typeof Error.prepareStackTrace, new Error('plain').stack.split('\n').length);
  });
}, 1);
