// The setInterval async iterator yields the value once per tick and stops
// the interval when the loop is left.
const { setInterval } = require('timers/promises');
(async () => {
  let n = 0;
  for await (const v of setInterval(5, 'tick')) {
    console.log(v, ++n);
    if (n === 3) break;
  }
  console.log('left the loop after', n);
  const it = setInterval(2, 'manual');
  console.log(await it.next());
  console.log(await it.next());
  console.log(await it.return());
  console.log(await it.next());
})();
