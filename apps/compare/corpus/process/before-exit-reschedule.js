// beforeExit fires each time the loop empties; scheduling work from it
// keeps the process going, and it fires again after that work.
let count = 0;
process.on('beforeExit', (code) => {
  count++;
  console.log('beforeExit', count, 'code', code);
  if (count < 3) {
    setTimeout(() => console.log('timer from beforeExit', count), 1);
    Promise.resolve().then(() => console.log('promise from beforeExit', count));
  } else if (count === 3) {
    setImmediate(() => console.log('immediate from beforeExit'));
  }
});
process.on('exit', (code) => console.log('exit', code, 'after', count, 'beforeExit'));
console.log('main');
