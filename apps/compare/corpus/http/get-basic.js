// http.get against a local server: status, headers (without date), body.
const http = require('http');
const server = http.createServer((req, res) => {
  console.log('server:', req.method, req.url, 'httpVersion', req.httpVersion);
  const { host, ...rest } = req.headers;
  console.log('server: host has our port:', host === `127.0.0.1:${server.address().port}`, 'other headers:', JSON.stringify(rest));
  res.setHeader('Content-Type', 'text/plain');
  res.end('hello world\n');
});
server.listen(0, '127.0.0.1', () => {
  http.get(`http://127.0.0.1:${server.address().port}/path?q=1`, (res) => {
    console.log('client: status', res.statusCode, JSON.stringify(res.statusMessage), 'httpVersion', res.httpVersion);
    const { date, ...headers } = res.headers;
    console.log('client: has date', typeof date, 'headers', JSON.stringify(headers));
    let body = '';
    res.setEncoding('utf8');
    res.on('data', (d) => (body += d));
    res.on('end', () => {
      console.log('client: body', JSON.stringify(body));
      server.close(() => console.log('server closed'));
    });
  });
});
