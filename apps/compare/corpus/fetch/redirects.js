// Redirects: followed (303 turns POST into GET, 307 keeps it), manual,
// refused with redirect: 'error', and a loop that stops after 20.
const http = require('http');
const server = http.createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', () => {
    const [, kind, n] = req.url.split('/');
    if (kind === 'loop') return res.writeHead(302, { location: `/loop/${Number(n) + 1}` }).end();
    if (kind === 'see-other') return res.writeHead(303, { location: '/final' }).end();
    if (kind === 'temporary') return res.writeHead(307, { location: '/final' }).end();
    if (kind === 'moved') return res.writeHead(301, { location: '/final' }).end('moved');
    res.end(`${req.method} ${req.url} body=${body}`);
  });
});
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  for (const kind of ['see-other', 'temporary', 'moved']) {
    const res = await fetch(`${base}/${kind}`, { method: 'POST', body: 'data' });
    console.log(kind, res.status, res.redirected, res.url.slice(base.length), await res.text());
  }
  const manual = await fetch(`${base}/moved`, { redirect: 'manual' });
  console.log('manual', manual.status, manual.headers.get('location'), manual.redirected);
  await fetch(`${base}/moved`, { redirect: 'error' }).catch((e) => console.log('error mode:', e.name, e.message, e.cause?.message));
  await fetch(`${base}/loop/0`).catch((e) => console.log('loop:', e.name, e.message, e.cause?.message));
  server.close();
});
