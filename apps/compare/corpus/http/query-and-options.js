// http.request with an options object: method, path, custom headers,
// and what arrives at the server (host header shown without the port).
const http = require('http');
const server = http.createServer((req, res) => {
  const headers = { ...req.headers, host: req.headers.host.replace(/:\d+$/, ':PORT') };
  console.log(req.method, req.url, JSON.stringify(headers));
  console.log('rawHeaders names:', req.rawHeaders.filter((_, i) => i % 2 === 0).join(','));
  res.end();
});
server.listen(0, '127.0.0.1', () => {
  const req = http.request(
    {
      host: '127.0.0.1',
      port: server.address().port,
      method: 'DELETE',
      path: '/items/7?force=true&x=%20',
      headers: { 'X-Custom': 'value', Accept: 'application/json', 'X-Dup': ['1', '2'] },
      agent: false,
    },
    (res) => {
      res.resume();
      res.on('end', () => server.close());
    },
  );
  console.log('client: method', req.method, 'path', req.path, 'host', req.host, 'protocol', req.protocol);
  console.log('client: getHeader x-custom', req.getHeader('x-custom'), 'names', req.getHeaderNames().join(','));
  req.end();
});
