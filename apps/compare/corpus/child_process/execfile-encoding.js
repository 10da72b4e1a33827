// encoding: utf8 by default, 'buffer' (or an unknown name) gives Buffers,
// others decode.
const { execFile } = require('child_process');
const cmd = ['-c', 'printf "h\\303\\251llo"; printf "e" >&2'];
execFile('sh', cmd, (err, so, se) => {
  console.log('default', err, typeof so, JSON.stringify(so), JSON.stringify(se));
  execFile('sh', cmd, { encoding: 'buffer' }, (err2, so2, se2) => {
    console.log('buffer', Buffer.isBuffer(so2), so2.toString('hex'), Buffer.isBuffer(se2));
    execFile('sh', cmd, { encoding: 'hex' }, (err3, so3) => {
      console.log('hex', so3);
      execFile('sh', cmd, { encoding: 'nonsense' }, (err4, so4) => console.log('unknown', Buffer.isBuffer(so4)));
    });
  });
});
