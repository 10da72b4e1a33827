// fetch over our tls: an untrusted server refused with the verify code as the cause, then trusted through NODE_EXTRA_CA_CERTS in a child.
const https = require('https');
const path = require('path');
const { server: creds, dir } = require('./fixtures/pki');
if (process.argv[2] === 'child') {
  (async () => {
    const r = await fetch(`https://localhost:${process.argv[3]}/child?q=1`, { method: 'POST', body: 'from child' });
    console.log('child', r.status, r.headers.get('content-type'), JSON.stringify(await r.json()));
  })();
  return;
}
const server = https.createServer(creds(), (req, res) => {
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => {
    res.setHeader('content-type', 'application/json');
    res.end(JSON.stringify({ method: req.method, url: req.url, body, alpn: req.socket.alpnProtocol }));
  });
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  try {
    await fetch(`https://localhost:${port}/`);
  } catch (e) {
    console.log('refused:', e.name, e.message, '| cause:', e.cause.code, e.cause.message);
  }
  const child = require('child_process').spawn(process.execPath, [__filename, 'child', String(port)], {
    env: { ...process.env, NODE_EXTRA_CA_CERTS: path.join(dir, 'ca.crt') },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout.pipe(process.stdout);
  child.on('close', (code) => {
    console.log('child exit', code);
    server.close();
  });
});
