// The filename an event carries, per `encoding`: utf8 by default, a Buffer
// of the raw bytes for 'buffer', any Buffer encoding, or the string form
// of the options ('hex').
const fs = require('fs');
const os = require('os');
const path = require('path');

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'watch-enc-'));
const variants = [undefined, { encoding: 'buffer' }, 'hex', { encoding: 'latin1' }, { encoding: 'base64' }, { encoding: 'UTF-8' }];
const first = new Map();
const watchers = variants.map((options, i) =>
  fs.watch(dir, options, (eventType, filename) => {
    if (first.has(i)) return;
    first.set(i, [eventType, filename]);
    if (first.size === variants.length) done();
  }),
);
function done() {
  for (let i = 0; i < variants.length; i++) {
    const [eventType, filename] = first.get(i);
    console.log(JSON.stringify(variants[i]), eventType, Buffer.isBuffer(filename) ? `Buffer<${filename.toString('hex')}>` : `${typeof filename} ${filename}`);
  }
  for (const w of watchers) w.close();
  fs.rmSync(dir, { recursive: true });
}
fs.closeSync(fs.openSync(path.join(dir, 'ü-名.txt'), 'w'));
