// A GET answered with JSON: status, statusText, ok, headers as undici
// exposes them (lower-cased, sorted, joined) and the parsed body.
const http = require('http');
const server = http.createServer((req, res) => {
  res.setHeader('Content-Type', 'application/json; charset=utf-8');
  res.setHeader('X-Multi', ['one', 'two']);
  res.setHeader('Set-Cookie', ['a=1', 'b=2']);
  res.end(JSON.stringify({ path: req.url, method: req.method }));
});
server.listen(0, '127.0.0.1', async () => {
  const res = await fetch(`http://127.0.0.1:${server.address().port}/things?id=7`);
  console.log(res.status, res.statusText, res.ok, res.type, res.redirected, res.bodyUsed);
  for (const [name, value] of res.headers) if (name !== 'date') console.log('header', name, '=', value);
  console.log('getSetCookie', res.headers.getSetCookie());
  console.log(await res.json(), res.bodyUsed);
  await res.text().catch((e) => console.log('second read:', e.name, e.message));
  server.close();
});
