// An error thrown by the main module: the file:line header, the source line
// and caret, the error, and exit status 1.
console.log('before');
process.on('exit', (c) => console.log('exit', c));
setTimeout(() => console.log('timer must not run'), 0);
throw new Error('boom at top level');
