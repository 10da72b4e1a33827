// stdin: pipe fixtures/stdin/lines.txt
// A socketpair stdin with setEncoding: strings with whole characters,
// then 'end'.
const s = process.stdin;
s.setEncoding('utf8');
let text = '';
s.on('data', (d) => {
  if (typeof d !== 'string') console.log('not a string');
  text += d;
});
s.on('end', () => console.log('end', JSON.stringify(text)));
process.on('exit', () => console.log('exit', s.readableEncoding));
