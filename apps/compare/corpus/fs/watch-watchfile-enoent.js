// fs.watchFile on a file that does not exist: one 'change' with zeroed
// stats for both curr and prev (not one per poll), then, when the file
// appears, a 'change' whose prev is zeroed and curr is the new file.
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watchfile-enoent-'));
const file = path.join(dir, 'later.txt');
let calls = 0;
const show = (s) => `size=${s.size} nlink=${s.nlink} mode=${s.mode} ino=${s.ino === 0 ? 0 : 'set'} mtimeMs=${s.mtimeMs === 0 ? 0 : 'set'} birthtime=${s.birthtime.getTime() === 0 ? 'epoch' : 'set'} file=${s.isFile()}`;
fs.watchFile(file, { interval: 15 }, (curr, prev) => {
  calls++;
  console.log('change', calls);
  console.log('  curr', show(curr));
  console.log('  prev', show(prev));
  if (calls === 1) {
    // Several more polls fail with ENOENT before the file appears: none is reported.
    setTimeout(() => fs.writeFileSync(file, 'now here'), 120);
  } else {
    fs.unwatchFile(file);
    fs.rmSync(dir, { recursive: true });
  }
});
