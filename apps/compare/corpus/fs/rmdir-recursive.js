// The deprecated rmdir(path, { recursive: true }): one warning, a tree
// removed, a file refused with ENOTDIR, a missing path failing its lstat.
const fs = require('fs');
const path = require('path');
const os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rmdir-r-'));
fs.mkdirSync(path.join(dir, 'tree/a/b'), { recursive: true });
fs.writeFileSync(path.join(dir, 'tree/a/b/f'), '');
fs.writeFileSync(path.join(dir, 'file'), '');
const msg = (e) => (e ? `${e.code} ${e.syscall} ${e.message.split(dir).join('D')}` : 'ok');
// Shown here rather than on stderr, where node prints its pid.
process.emitWarning = (message, type, code) => console.log('warning', type, code, message.slice(0, 40));
fs.rmdir(path.join(dir, 'file'), { recursive: true }, (e) => {
  console.log('file', msg(e));
  fs.rmdir(path.join(dir, 'tree'), { recursive: true }, (e2) => {
    console.log('tree', msg(e2), fs.existsSync(path.join(dir, 'tree')));
    fs.rmdir(path.join(dir, 'tree'), { recursive: true }, (e3) => {
      console.log('missing', msg(e3));
      fs.promises.rmdir(dir, { recursive: true }).then((v) => console.log('promise', v, fs.existsSync(dir)));
    });
  });
});
