// fs.stat with { bigint: true }: BigIntStats, nanosecond times, the same
// fields the synchronous call reports.
const fs = require('fs');
const strip = (s) => JSON.stringify({ ...s, atimeMs: 0, atimeNs: 0, atime: 0 }, (k, v) => (typeof v === 'bigint' ? `${v}n` : v));
fs.stat(__filename, { bigint: true }, (err, st) => {
  console.log(err, st.constructor.name, typeof st.size, typeof st.mtimeNs, st.isFile(), Object.keys(st).join(','));
  console.log('same as statSync', strip(st) === strip(fs.statSync(__filename, { bigint: true })));
  console.log('ms from ns', st.mtimeMs === st.mtimeNs / 1000000n);
  fs.promises.lstat(__dirname, { bigint: true }).then((d) => console.log('promises lstat', d.isDirectory(), typeof d.ino));
});
