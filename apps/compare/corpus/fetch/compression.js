// Bodies the server compressed: gzip, deflate and br are decoded, an
// unknown coding is passed through, and HEAD has no body to decode.
const http = require('http');
const zlib = require('zlib');
const text = 'compressed body '.repeat(20);
const server = http.createServer((req, res) => {
  const coding = req.url.slice(1);
  const encode = { gzip: zlib.gzipSync, deflate: zlib.deflateSync, br: zlib.brotliCompressSync }[coding];
  res.setHeader('content-encoding', coding);
  res.end(encode ? encode(text) : 'raw bytes');
});
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  for (const coding of ['gzip', 'deflate', 'br', 'x-unknown']) {
    const res = await fetch(`${base}/${coding}`);
    const body = await res.text();
    console.log(coding, res.headers.get('content-encoding'), body.length, body.slice(0, 16));
  }
  const head = await fetch(`${base}/gzip`, { method: 'HEAD' });
  console.log('HEAD', head.status, JSON.stringify(await head.text()));
  console.log('sent accept-encoding:', await new Promise((resolve) => {
    const probe = http.createServer((req, res) => { resolve(req.headers['accept-encoding']); res.end(); probe.close(); });
    probe.listen(0, '127.0.0.1', () => fetch(`http://127.0.0.1:${probe.address().port}/`).then((r) => r.text()));
  }));
  server.close();
});
