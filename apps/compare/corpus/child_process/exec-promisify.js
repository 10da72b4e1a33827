// util.promisify(exec / execFile) resolves { stdout, stderr } and rejects
// with the error carrying both; the promise has the child.
const util = require('util');
const { exec, execFile } = require('child_process');
const pexec = util.promisify(exec);
const pexecFile = util.promisify(execFile);
(async () => {
  const p = pexec('echo hi; echo there >&2');
  console.log('child on promise', typeof p.child, typeof p.child.kill);
  console.log(JSON.stringify(await p));
  try {
    await pexecFile('sh', ['-c', 'echo partial; exit 3']);
  } catch (e) {
    console.log('rejected', e.code, JSON.stringify(e.stdout), JSON.stringify(e.stderr), JSON.stringify(e.cmd));
  }
  try {
    await pexecFile('no-such-binary-xyz');
  } catch (e) {
    console.log('rejected', e.code, e.syscall, e.path, JSON.stringify(e.stdout));
  }
})();
