const fs = require('fs'), path = require('path'), os = require('os');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 's1-'));
const f = path.join(dir, 'a.txt');
const steps = [
  (n) => fs.writeFile(f, 'hello world', (...a) => (console.log('writeFile', a), n())),
  (n) => fs.appendFile(f, '!!', (...a) => (console.log('appendFile', a), n())),
  (n) => fs.readFile(f, 'utf8', (e, s) => (console.log('read', e, s), n())),
  (n) => fs.open(f, 'r+', (e, fd) => { console.log('open', e, typeof fd);
    fs.read(fd, Buffer.alloc(5), 0, 5, 0, (e, nr, b) => { console.log('read', e, nr, b.toString());
      fs.write(fd, 'HELLO', 0, (e, w, s) => { console.log('write', e, w, s);
        fs.writev(fd, [Buffer.from('a'), Buffer.from('bc')], 5, (e, w) => { console.log('writev', e, w);
          const b1 = Buffer.alloc(3), b2 = Buffer.alloc(4);
          fs.readv(fd, [b1, b2], 0, (e, r) => { console.log('readv', e, r, b1.toString(), b2.toString());
            fs.ftruncate(fd, 4, (...a) => { console.log('ftruncate', a);
              fs.fsync(fd, (...a) => { console.log('fsync', a); fs.close(fd, (...a) => (console.log('close', a), n())); }); }); }); }); }); }); }),
  (n) => fs.readdir(dir, (...a) => (console.log('readdir', a), n())),
  (n) => fs.readdir(dir, { withFileTypes: true }, (e, l) => (console.log('dirents', e, l.map((d) => [d.name, d.isFile()])), n())),
  (n) => fs.mkdir(path.join(dir, 'x/y/z'), { recursive: true }, (e, p) => (console.log('mkdirp', e, path.relative(dir, p)), n())),
  (n) => fs.mkdir(path.join(dir, 'x'), (e) => (console.log('mkdir exists', e.message.replace(dir, 'D'), e.code, e.errno), n())),
  (n) => fs.rename(f, path.join(dir, 'b.txt'), (...a) => (console.log('rename', a), n())),
  (n) => fs.rename(f, path.join(dir, 'c.txt'), (e) => (console.log('rename missing', e.message.split(dir).join('D'), e.dest.replace(dir, 'D')), n())),
  (n) => fs.copyFile(path.join(dir, 'b.txt'), path.join(dir, 'c.txt'), (...a) => (console.log('copyFile', a, fs.readFileSync(path.join(dir, 'c.txt'), 'utf8')), n())),
  (n) => fs.copyFile(path.join(dir, 'b.txt'), path.join(dir, 'c.txt'), fs.constants.COPYFILE_EXCL, (e) => (console.log('copyFile excl', e.code, e.syscall), n())),
  (n) => fs.symlink('b.txt', path.join(dir, 'ln'), (...a) => (console.log('symlink', a), n())),
  (n) => fs.readlink(path.join(dir, 'ln'), (...a) => (console.log('readlink', a), n())),
  (n) => fs.realpath(path.join(dir, 'ln'), (e, p) => (console.log('realpath', e, path.relative(dir, p)), n())),
  (n) => fs.realpath.native(path.join(dir, 'ln'), (e, p) => (console.log('realpath.native', e, path.relative(dir, p)), n())),
  (n) => fs.link(path.join(dir, 'b.txt'), path.join(dir, 'hard'), (...a) => (console.log('link', a, fs.statSync(path.join(dir, 'b.txt')).nlink), n())),
  (n) => fs.chmod(path.join(dir, 'b.txt'), 0o600, (...a) => (console.log('chmod', a, (fs.statSync(path.join(dir, 'b.txt')).mode & 0o777).toString(8)), n())),
  (n) => fs.utimes(path.join(dir, 'b.txt'), 1000, 2000.5, (...a) => (console.log('utimes', a, fs.statSync(path.join(dir, 'b.txt')).mtimeMs), n())),
  (n) => fs.access(path.join(dir, 'b.txt'), fs.constants.R_OK, (...a) => (console.log('access', a), n())),
  (n) => fs.exists(path.join(dir, 'nope'), (...a) => (console.log('exists', a), n())),
  (n) => fs.truncate(path.join(dir, 'b.txt'), 3, (...a) => (console.log('truncate', a, fs.readFileSync(path.join(dir, 'b.txt'), 'utf8')), n())),
  (n) => fs.unlink(path.join(dir, 'hard'), (...a) => (console.log('unlink', a), n())),
  (n) => fs.rm(path.join(dir, 'x'), (e) => (console.log('rm dir', e.message.replace(dir, 'D'), e.code, Object.keys(e)), n())),
  (n) => fs.rm(path.join(dir, 'x'), { recursive: true }, (...a) => (console.log('rm -r', a, fs.existsSync(path.join(dir, 'x'))), n())),
  (n) => fs.rm(path.join(dir, 'x'), { force: true }, (...a) => (console.log('rm -f missing', a), n())),
  (n) => fs.mkdtemp(path.join(dir, 't-'), (e, p) => (console.log('mkdtemp', e, path.basename(p).length), n())),
  (n) => fs.rmdir(path.join(dir, 'nope'), (e) => (console.log('rmdir', e.message.replace(dir, 'D')), n())),
];
let i = 0;
const next = () => (i < steps.length ? steps[i++](next) : fs.rmSync(dir, { recursive: true }));
next();
