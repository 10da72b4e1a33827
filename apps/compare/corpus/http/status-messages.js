// 404 by default text, a custom statusMessage, and writeHead's reason.
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/missing') {
    res.statusCode = 404;
    res.end('nope');
  } else if (req.url === '/custom') {
    res.statusCode = 299;
    res.statusMessage = 'Quite Fine';
    res.end();
  } else if (req.url === '/reason') {
    res.writeHead(503, 'Come Back Later', { 'retry-after': '1' });
    res.end();
  } else {
    res.writeHead(418);
    res.end();
  }
});
server.listen(0, '127.0.0.1', async () => {
  for (const path of ['/missing', '/custom', '/reason', '/teapot']) {
    await new Promise((resolve) =>
      http.get({ host: '127.0.0.1', port: server.address().port, path }, (res) => {
        console.log(path, res.statusCode, JSON.stringify(res.statusMessage), res.headers['retry-after']);
        res.resume();
        res.on('end', resolve);
      }),
    );
  }
  server.close();
});
