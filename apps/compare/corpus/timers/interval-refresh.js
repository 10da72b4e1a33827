// refresh() inside an interval callback re-arms it from now; it returns the
// same object; the interval keeps repeating afterwards.
let n = 0;
const t = setInterval(() => {
  n++;
  const r = t.refresh();
  console.log('tick', n, r === t);
  if (n === 3) clearInterval(t);
}, 5);
process.on('exit', () => console.log('ticks', n));
