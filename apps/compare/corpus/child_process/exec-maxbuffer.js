// Output beyond maxBuffer kills the child and fails with
// ERR_CHILD_PROCESS_STDIO_MAXBUFFER; what fitted is kept.
const { exec, execFile } = require('child_process');
exec('head -c 10000 /dev/zero | tr "\\0" a', { maxBuffer: 100 }, (err, stdout) => {
  console.log(err.name, err.code, err.message, JSON.stringify(err.cmd), stdout.length, stdout.slice(0, 5));
  execFile('sh', ['-c', 'head -c 5000 /dev/zero >&2'], { maxBuffer: 10, encoding: 'buffer' }, (err2, so, se) => {
    console.log(err2.code, err2.message, Buffer.isBuffer(se), se.length, so.length);
  });
});
