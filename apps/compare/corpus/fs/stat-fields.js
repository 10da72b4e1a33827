// fs.stat / lstat / fstat on our pool agree with the synchronous calls,
// field for field, and the Stats objects look like Node's.
const fs = require('fs');
const path = require('path');
const here = path.join(__dirname, 'stat-fields.js');
const strip = (s) => JSON.stringify({ ...s, atimeMs: 0, atime: 0 });
fs.stat(here, (err, st) => {
  console.log('stat', err, st instanceof fs.Stats, st.isFile(), st.isDirectory(), Object.keys(st).join(','));
  console.log('same as statSync', strip(st) === strip(fs.statSync(here)));
  console.log('dates', st.mtime instanceof Date, st.mtime.getTime() === Math.floor(st.mtimeMs) || st.mtime.getTime() === Math.round(st.mtimeMs));
  fs.lstat(__dirname, (err2, dir) => {
    console.log('lstat dir', err2, dir.isDirectory(), dir.isSymbolicLink(), strip(dir) === strip(fs.lstatSync(__dirname)));
    const fd = fs.openSync(here, 'r');
    fs.fstat(fd, (err3, f) => {
      console.log('fstat', err3, f.size === st.size, f.ino === st.ino, f.dev === st.dev);
      fs.closeSync(fd);
      // One request at a time: two in flight on the pool may finish in either order.
      fs.stat(__dirname, { bigint: false }, (err4, d) => console.log('options object', err4, d.isDirectory()));
    });
  });
});
