// A response that never comes: req.setTimeout fires 'timeout'; destroying
// the request gives ECONNRESET 'socket hang up'.
const http = require('http');
const server = http.createServer(() => {
  // Never answers.
});
server.listen(0, '127.0.0.1', () => {
  const req = http.get({ host: '127.0.0.1', port: server.address().port, agent: false });
  req.setTimeout(50, () => {
    console.log('timeout');
    req.destroy();
  });
  req.on('error', (e) => console.log('error:', e.code, e.message));
  req.on('close', () => {
    console.log('close');
    server.close(() => console.log('server closed'));
  });
});
