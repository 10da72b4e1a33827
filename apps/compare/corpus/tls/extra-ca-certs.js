// NODE_EXTRA_CA_CERTS, read when the process starts: a child trusts the test CA through it.
const { spawnSync } = require('child_process');
const path = require('path');
const tls = require('tls');
const { read, server: creds, dir } = require('./fixtures/pki');
if (process.argv[2] === 'child') {
  const c = tls.connect(Number(process.argv[3]), '127.0.0.1', () => {
    console.log('child authorized', c.authorized);
    c.end();
  });
  c.on('error', (e) => console.log('child error', e.code));
  return;
}
const server = tls.createServer(creds(), (s) => s.end());
server.listen(0, '127.0.0.1', () => {
  const port = String(server.address().port);
  const run = (env) => {
    const r = require('child_process').spawn(process.execPath, [__filename, 'child', port], { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    return new Promise((resolve) => {
      let out = '';
      let err = '';
      r.stdout.on('data', (d) => (out += d));
      r.stderr.on('data', (d) => (err += d));
      r.on('close', (code) => resolve({ out, err, code }));
    });
  };
  (async () => {
    const plain = await run({});
    console.log('without:', plain.out.trim(), plain.code);
    const extra = await run({ NODE_EXTRA_CA_CERTS: path.join(dir, 'ca.crt') });
    console.log('with:', extra.out.trim(), extra.code);
    const missing = await run({ NODE_EXTRA_CA_CERTS: path.join(dir, 'no-such.crt') });
    console.log('missing file:', missing.out.trim(), missing.code, /Ignoring extra certs/.test(missing.err));
    server.close();
  })();
});
void spawnSync;
void read;
