// Large writes: writeFile of 3 MiB in one request and fs/promises'
// writeFile in 512 KiB requests both land whole; appendFile grows it.
const fs = require('fs');
const path = require('path');
const os = require('os');
const crypto = require('crypto');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'writefile-large-'));
const data = Buffer.alloc(3 * 1024 * 1024 + 7);
for (let i = 0; i < data.length; i++) data[i] = (i * 131) & 0xff;
const sum = (b) => crypto.createHash('sha1').update(b).digest('hex');
console.log('source', sum(data));
fs.writeFile(path.join(dir, 'a'), data, (e) => {
  console.log('callback writeFile', e, sum(fs.readFileSync(path.join(dir, 'a'))));
  fs.promises.writeFile(path.join(dir, 'b'), data).then(() => {
    console.log('promise writeFile', sum(fs.readFileSync(path.join(dir, 'b'))));
    fs.appendFile(path.join(dir, 'b'), data, (e2) => {
      const all = fs.readFileSync(path.join(dir, 'b'));
      console.log('appended', e2, all.length, sum(all.subarray(data.length)));
      fs.readFile(path.join(dir, 'b'), (e3, back) => {
        console.log('read back', e3, back.length, sum(back) === sum(all));
        fs.rmSync(dir, { recursive: true });
      });
    });
  });
});
