// An HTTP hello-world server for wrk. Prints "port=<n>" once listening;
// GET /quit (sent once wrk has gone) closes it so the process ends by
// itself: exit 0 proves the runtime survived the load.
const http = require('http');
const body = Buffer.from('hello world\n');
const server = http.createServer((req, res) => {
  if (req.url === '/quit') {
    res.setHeader('Connection', 'close');
    res.end('bye\n');
    server.close();
    return;
  }
  res.setHeader('Content-Type', 'text/plain');
  res.setHeader('Content-Length', body.length);
  res.end(body);
});
server.listen(0, '127.0.0.1', () => console.log(`port=${server.address().port}`));
