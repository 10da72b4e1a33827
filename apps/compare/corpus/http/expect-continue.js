// Expect: 100-continue: the client waits for 'continue' before the body.
const http = require('http');
const log = [];
const server = http.createServer((req, res) => {
  log.push('server: request, expect ' + req.headers.expect);
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => res.end('got ' + body));
});
server.listen(0, '127.0.0.1', () => {
  const req = http.request({ host: '127.0.0.1', port: server.address().port, method: 'PUT', headers: { Expect: '100-continue' } });
  req.on('continue', () => {
    log.push('client: continue');
    req.end('the body');
  });
  req.on('information', (info) => log.push(`client: information ${info.statusCode} ${info.statusMessage}`));
  req.on('response', (res) => {
    let body = '';
    res.on('data', (d) => (body += d));
    res.on('end', () => {
      log.push(`client: ${res.statusCode} ${body}`);
      console.log(log.join('\n'));
      server.close();
    });
  });
  req.flushHeaders();
});
