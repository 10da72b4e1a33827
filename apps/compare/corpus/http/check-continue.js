// A 'checkContinue' listener decides: here it refuses with 417.
const http = require('http');
const server = http.createServer((req, res) => res.end('not reached'));
server.on('checkContinue', (req, res) => {
  console.log('checkContinue', req.method, req.headers.expect);
  res.writeHead(417);
  res.end('no thanks');
});
server.listen(0, '127.0.0.1', () => {
  const req = http.request({ host: '127.0.0.1', port: server.address().port, method: 'POST', headers: { Expect: '100-continue' } });
  req.on('continue', () => console.log('unexpected continue'));
  req.on('response', (res) => {
    let body = '';
    res.on('data', (d) => (body += d));
    res.on('end', () => {
      console.log('client:', res.statusCode, res.statusMessage, body);
      req.destroy();
      server.close();
    });
  });
  req.flushHeaders();
});
