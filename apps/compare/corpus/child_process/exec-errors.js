// exec's callback error for a failing command: message, code, killed,
// signal, cmd, with stdout and stderr as strings.
const { exec } = require('child_process');
exec('echo out; echo err >&2; exit 5', (err, stdout, stderr) => {
  console.log(JSON.stringify(err.message), err.code, err.killed, err.signal, JSON.stringify(err.cmd));
  console.log(JSON.stringify(stdout), JSON.stringify(stderr), err instanceof Error, Object.keys(err).join(','));
  exec('kill -TERM $$', (err2) => {
    console.log('signalled', err2.code, err2.killed, err2.signal, JSON.stringify(err2.message));
    exec('echo fine', (err3, out3, err3s) => console.log('ok', err3, JSON.stringify(out3), JSON.stringify(err3s)));
  });
});
