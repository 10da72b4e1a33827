// Sequential fetches to one origin share a kept-alive connection; a
// server that answers `connection: close` gets a new one each time.
const http = require('http');
let connections = 0;
const server = http.createServer((req, res) => {
  if (req.url === '/close') res.setHeader('connection', 'close');
  res.end(`${req.headers.connection}`);
});
server.on('connection', () => connections++);
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const said = [];
  for (let i = 0; i < 5; i++) said.push(await (await fetch(`${base}/keep`)).text());
  console.log('client said', said.join(','), 'over', connections, 'connection(s)');
  connections = 0;
  for (let i = 0; i < 3; i++) await (await fetch(`${base}/close`)).text();
  console.log('close: over', connections, 'connection(s)');
  server.closeAllConnections();
  server.close(() => console.log('server closed'));
});
