// clearInterval from inside the callback, through `this` and through the
// handle, stops it; the count shows how many times it ran. The second
// interval starts once the first stops: two intervals with different periods
// running together interleave differently from run to run.
let a = 0;
let b = 0;
const ia = setInterval(function () {
  a++;
  console.log('a', a, this === ia);
  if (a === 3) {
    clearInterval(this);
    const ib = setInterval(() => {
      b++;
      console.log('b', b);
      if (b === 2) clearInterval(ib);
    }, 3);
  }
}, 2);
process.on('exit', () => console.log('exit', a, b));
