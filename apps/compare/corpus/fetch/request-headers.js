// The headers fetch sends by default and how the program's own merge in.
const http = require('http');
const server = http.createServer((req, res) => {
  const h = { ...req.headers };
  h.host = h.host.replace(/:\d+$/, ':PORT');
  res.end(JSON.stringify(req.rawHeaders.filter((_, i) => i % 2 === 0)) + ' ' + JSON.stringify(h));
});
server.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${server.address().port}/`;
  console.log(await (await fetch(url)).text());
  console.log(await (await fetch(url, { headers: { 'User-Agent': 'mine', Accept: 'text/plain', 'X-Extra': 'a' } })).text());
  const headers = new Headers([['x-list', '1'], ['x-list', '2']]);
  console.log(await (await fetch(new Request(url, { headers, method: 'PATCH', body: 'b' }))).text());
  server.close();
});
