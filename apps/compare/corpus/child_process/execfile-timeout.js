// execFile's timeout kills the child with killSignal: killed true, the
// signal named, code null.
const { execFile } = require('child_process');
execFile('sleep', ['30'], { timeout: 100 }, (err, stdout, stderr) => {
  console.log(JSON.stringify(err.message), err.code, err.killed, err.signal, err.cmd, JSON.stringify(stdout));
  execFile('sleep', ['30'], { timeout: 100, killSignal: 'SIGKILL' }, (err2) => {
    console.log(err2.code, err2.killed, err2.signal, err2.cmd);
  });
});
