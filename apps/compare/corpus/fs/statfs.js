// statfs: the StatFs class of statfsSync, numbers or bigints, and errors.
// Free counts move as others write, so only the steady fields are printed.
const fs = require('fs');
const os = require('os');
const steady = (s) => [s.constructor.name, s.constructor === fs.statfsSync('/').constructor, s.type, s.bsize, s.blocks, s.files, Object.keys(s).join()];
fs.statfs(os.tmpdir(), (e, s) => {
  console.log('statfs', e, steady(s), s.type === fs.statfsSync(os.tmpdir()).type);
  fs.statfs('/', { bigint: true }, (e2, b) => {
    console.log('bigint', e2, typeof b.bsize, typeof b.bfree, b.bsize === BigInt(fs.statfsSync('/').bsize));
    fs.statfs('/no/such/place', (e3) => {
      console.log('missing', e3.code, e3.syscall, e3.message);
      fs.promises.statfs('/').then((p) => {
        console.log('promise', steady(p));
        fs.promises.statfs('/etc/hostname/x').catch((e4) => console.log('promise ENOTDIR', e4.message));
      });
    });
  });
});
try {
  fs.statfs(5, () => {});
} catch (e) {
  console.log('bad path', String(e));
}
