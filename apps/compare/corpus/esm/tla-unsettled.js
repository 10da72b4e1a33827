// A top-level await that can never settle: exit code 13 once the loop is empty.
console.log('waiting forever');
process.on('exit', (code) => console.log('exit code', code));
await new Promise(() => {});
console.log('never');
