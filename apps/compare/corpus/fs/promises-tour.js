// fs/promises: every path function once, resolving to what node resolves.
const fs = require('fs');
const fsp = require('fs/promises');
const path = require('path');
const os = require('os');
console.log(fs.promises === fsp);
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'promises-tour-'));
const p = (x) => path.join(dir, x);
const rel = (v) => (typeof v === 'string' ? v.split(dir).join('D') : v);
(async () => {
  const steps = [
    ['writeFile', () => fsp.writeFile(p('a'), 'hello')],
    ['appendFile', () => fsp.appendFile(p('a'), ' world')],
    ['readFile', () => fsp.readFile(p('a'), 'utf8')],
    ['access', () => fsp.access(p('a'), fs.constants.R_OK)],
    ['copyFile', () => fsp.copyFile(p('a'), p('b'))],
    ['copyFile excl', () => fsp.copyFile(p('a'), p('b'), fs.constants.COPYFILE_EXCL)],
    ['rename', () => fsp.rename(p('b'), p('c'))],
    ['link', () => fsp.link(p('c'), p('d'))],
    ['symlink', () => fsp.symlink('a', p('e'))],
    ['readlink', () => fsp.readlink(p('e'))],
    ['realpath', () => fsp.realpath(p('e'))],
    ['lstat', async () => (await fsp.lstat(p('e'))).isSymbolicLink()],
    ['stat', async () => (await fsp.stat(p('e'))).size],
    ['truncate', () => fsp.truncate(p('c'), 2)],
    ['readFile c', () => fsp.readFile(p('c'), { encoding: 'utf8' })],
    ['chmod', () => fsp.chmod(p('c'), 0o600)],
    ['chown', () => fsp.chown(p('c'), -1, -1)],
    ['lchown', () => fsp.lchown(p('e'), -1, -1)],
    ['utimes', () => fsp.utimes(p('c'), 1, 2)],
    ['lutimes', () => fsp.lutimes(p('e'), 3, 4)],
    ['mkdir', () => fsp.mkdir(p('x/y'), { recursive: true })],
    ['mkdtemp', async () => path.basename(await fsp.mkdtemp(p('t-'))).length],
    ['readdir', () => fsp.readdir(dir)],
    ['unlink', () => fsp.unlink(p('d'))],
    ['rmdir', () => fsp.rmdir(p('x/y'))],
    ['rm', () => fsp.rm(p('x'), { recursive: true })],
    ['lchmod', () => fsp.lchmod(p('c'), 0o600)],
    ['access missing', () => fsp.access(p('none'))],
    ['readFile missing', () => fsp.readFile(p('none'))],
    ['truncate missing', () => fsp.truncate(p('none'))],
    ['bad path', () => fsp.stat(42)],
    ['bad mode', () => fsp.chmod(p('c'), 'rw')],
  ];
  for (const [name, run] of steps) {
    const out = run();
    console.log(name, out instanceof Promise);
    try {
      const v = await out;
      console.log('  ->', Array.isArray(v) ? v.filter((x) => !x.startsWith('t-')) : rel(v));
    } catch (e) {
      console.log('  !>', e.name, e.code, rel(e.message));
    }
  }
  fs.rmSync(dir, { recursive: true });
})();
