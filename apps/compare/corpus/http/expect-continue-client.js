// Expect: 100-continue from the client's side: the head goes out at once,
// 'continue' lets the body follow, 'information' reports each 1xx (102, 103
// with its headers, 100), a 417 answers without the body.
const http = require('http');
const log = [];
let n = 0;
const server = http.createServer((req, res) => {
  log.push(`server request ${req.url} expect=${req.headers.expect}`);
  let body = '';
  req.on('data', (d) => (body += d));
  req.on('end', () => res.end(`got ${body}`));
});
server.on('checkContinue', (req, res) => {
  log.push(`checkContinue ${req.url}`);
  if (req.url === '/deny') { res.writeHead(417, { 'Content-Length': 0, Connection: 'close' }); res.end(); return; }
  if (req.url === '/hints') { res.writeProcessing(); res.writeEarlyHints({ link: '</a.css>; rel=preload' }); }
  res.writeContinue();
  server.emit('request', req, res);
});
function go(path, opts) {
  return new Promise((resolve) => {
    const req = http.request({ host: '127.0.0.1', port: server.address().port, method: 'POST', path, agent: false, headers: { Expect: '100-continue', 'Content-Length': 4 }, ...opts });
    log.push(`client ${path} headersSent=${req.headersSent}`);
    try { req.setHeader('X-After', '1'); } catch (e) { log.push(`client setHeader: ${e.code}`); }
    req.on('socket', () => log.push(`client ${path} socket`));
    req.on('continue', () => { log.push(`client ${path} continue`); req.end('body'); });
    req.on('information', (i) => log.push(`client ${path} information ${i.statusCode} ${i.statusMessage} ${i.httpVersion} ${JSON.stringify(i.headers)} ${JSON.stringify(i.rawHeaders)}`));
    req.on('response', (res) => {
      let b = '';
      res.on('data', (d) => (b += d));
      res.on('end', () => { log.push(`client ${path} response ${res.statusCode} ${JSON.stringify(b)}`); resolve(); });
    });
    req.on('finish', () => log.push(`client ${path} finish`));
    req.on('close', () => log.push(`client ${path} close`));
    req.on('error', (e) => { log.push(`client ${path} error ${e.code}`); resolve(); });
  });
}
server.listen(0, '127.0.0.1', async () => {
  await go('/ok');
  await go('/deny');
  await go('/hints');
  setImmediate(() => { console.log(log.join('\n')); server.close(); });
});
