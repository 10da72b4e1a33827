// stdin: pipe fixtures/stdin/big.txt
// A stdin paused after its first chunk stops reading one tick later, and
// the process ends with input left unread.
const s = process.stdin;
s.once('data', (d) => {
  console.log('first chunk', d.length > 0);
  s.pause();
});
process.on('exit', () => console.log('exit', s.isPaused()));
