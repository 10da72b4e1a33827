// Ten fetches at once to one origin: every answer arrives, each matched to
// its own request, and the pool opens no more connections than requests.
const http = require('http');
let connections = 0;
const server = http.createServer((req, res) => setTimeout(() => res.end(`answer ${req.url.slice(1)}`), 10));
server.on('connection', () => connections++);
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => fetch(`${base}/${i}`).then((r) => r.text())));
  console.log(answers.join(', '));
  console.log('connections <= 10:', connections <= 10, 'at least one:', connections >= 1);
  server.closeAllConnections();
  server.close();
});
