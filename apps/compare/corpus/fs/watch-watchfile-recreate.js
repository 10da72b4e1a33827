// fs.watchFile across a file's removal and re-creation: the removal is
// reported with curr zeroed and prev the file as it was; the new file is
// reported with curr the new file and prev still the last stats seen.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watchfile-re-'));
const file = path.join(dir, 'f.txt');
fs.writeFileSync(file, 'first');
const show = (s) => `size=${s.size} nlink=${s.nlink} file=${s.isFile()}`;
let calls = 0;
fs.watchFile(file, { interval: 15 }, (curr, prev) => {
  calls++;
  console.log('change', calls, 'curr', show(curr), 'prev', show(prev));
  if (calls === 1) setTimeout(() => fs.writeFileSync(file, 'second!'), 100);
  else {
    fs.unwatchFile(file);
    fs.rmSync(dir, { recursive: true });
  }
});
setTimeout(() => fs.unlinkSync(file), 250);
