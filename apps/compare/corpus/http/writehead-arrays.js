// writeHead with array values and with a flat [name, value, ...] list: what
// the client sees in headers and rawHeaders.
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/object') {
    res.writeHead(200, { 'Set-Cookie': ['a=1', 'b=2'], 'X-List': ['x', 'y'], 'Content-Length': 0 });
  } else {
    res.writeHead(201, ['X-Flat', 'one', 'X-Flat', 'two', 'Content-Length', '0']);
  }
  res.end();
});
server.listen(0, '127.0.0.1', async () => {
  for (const path of ['/object', '/flat']) {
    await new Promise((resolve) =>
      http.get({ host: '127.0.0.1', port: server.address().port, path }, (res) => {
        const raw = [];
        for (let i = 0; i < res.rawHeaders.length; i += 2) {
          if (res.rawHeaders[i] !== 'Date') raw.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
        }
        console.log(path, res.statusCode, 'set-cookie', JSON.stringify(res.headers['set-cookie']), 'x-list', JSON.stringify(res.headers['x-list']), 'x-flat', JSON.stringify(res.headers['x-flat']));
        console.log('  raw:', raw.join(' | '));
        res.resume();
        res.on('end', resolve);
      }),
    );
  }
  server.close();
});
