// fs/promises functions reject bad arguments (they never throw), with the
// same errors the callback functions throw.
const fsp = require('fs/promises');
const cases = [
  ['readFile', [42]], ['readFile', ['/x', { encoding: 'nope' }]], ['readFile', ['/x', { flag: 'zz' }]], ['readFile', ['/x', 5]],
  ['writeFile', ['/x', 5]], ['writeFile', ['/x', 'a', { flush: 'y' }]], ['appendFile', [{}, 'a']],
  ['open', [null]], ['open', ['/x', 'bad']], ['open', ['/x', 'r', 'rw']],
  ['stat', [5]], ['lstat', [undefined]], ['access', ['/x', 'r']], ['copyFile', ['/x', 5]],
  ['rename', [1, 2]], ['mkdir', ['/x', { recursive: 'y' }]], ['mkdtemp', [5]], ['readdir', ['/x', 5]],
  ['rm', ['/x', { force: 1 }]], ['rmdir', [5]], ['unlink', [5]], ['symlink', ['/x', '/y', 'bad']],
  ['readlink', [5]], ['realpath', [5]], ['chmod', ['/x', 'bad']], ['chown', ['/x', 'u', 0]],
  ['utimes', ['/x', {}, 1]], ['truncate', [5]], ['link', ['/x', 5]], ['lchown', ['/x', 0, -5]],
];
(async () => {
  for (const [name, args] of cases) {
    let threw = false;
    let p;
    try {
      p = fsp[name](...args);
    } catch (e) {
      threw = true;
      console.log(name, 'THREW', String(e));
    }
    if (threw) continue;
    try {
      await p;
      console.log(name, 'resolved');
    } catch (e) {
      console.log(name, String(e).split('\n')[0], e.code);
    }
  }
})();
