// stdin: pipe fixtures/stdin/big.txt
// pause() stops the flow; while paused nothing arrives; resume() brings
// the rest, then 'end'.
const s = process.stdin;
let bytes = 0;
let paused = false;
let during = 0;
s.once('data', (d) => {
  bytes += d.length;
  s.pause();
  paused = true;
  console.log('paused', s.isPaused(), s.readableFlowing);
  setTimeout(() => {
    paused = false;
    console.log('resume; arrived while paused:', during);
    s.on('data', (c) => (bytes += c.length));
    s.resume();
  }, 50);
});
s.on('data', () => {
  if (paused) during++;
});
s.on('end', () => console.log('end', bytes));
