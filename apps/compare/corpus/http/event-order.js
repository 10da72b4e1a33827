// Events on request and response objects, each side logged on its own.
const http = require('http');
const serverLog = [];
const clientLog = [];
let done = 0;
function finish() {
  if (++done < 2) return;
  server.close(() => {
    console.log('server:', serverLog.join(', '));
    console.log('client:', clientLog.join(', '));
  });
}
const server = http.createServer((req, res) => {
  serverLog.push('request');
  req.on('data', (d) => serverLog.push('req data ' + d));
  req.on('end', () => {
    serverLog.push('req end');
    res.end('response body');
  });
  req.on('close', () => serverLog.push('req close'));
  res.on('finish', () => serverLog.push('res finish'));
  res.on('close', () => {
    serverLog.push('res close');
    finish();
  });
});
server.listen(0, '127.0.0.1', () => {
  const agent = new http.Agent({ keepAlive: false });
  const req = http.request({ host: '127.0.0.1', port: server.address().port, method: 'POST', agent });
  req.on('socket', () => clientLog.push('req socket'));
  req.on('finish', () => clientLog.push('req finish'));
  req.on('close', () => {
    clientLog.push('req close');
    finish();
  });
  req.on('response', (res) => {
    clientLog.push('response ' + res.statusCode);
    res.on('data', (d) => clientLog.push('res data ' + d));
    res.on('end', () => clientLog.push('res end'));
    res.on('close', () => clientLog.push('res close'));
  });
  req.end('request body');
});
