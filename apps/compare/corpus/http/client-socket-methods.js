// ClientRequest setNoDelay / setSocketKeepAlive / clearTimeout: deferred to
// the socket, called once it is there (still connecting, writes buffer).
const http = require('http');
const net = require('net');
const log = [];
const origND = net.Socket.prototype.setNoDelay, origKA = net.Socket.prototype.setKeepAlive;
net.Socket.prototype.setNoDelay = function (v) { log.push(`setNoDelay(${v}) connecting=${this.connecting}`); return origND.apply(this, arguments); };
net.Socket.prototype.setKeepAlive = function (a, b) { log.push(`setKeepAlive(${a}, ${b}) connecting=${this.connecting}`); return origKA.apply(this, arguments); };
const server = http.createServer((req, res) => res.end('ok'));
server.listen(0, '127.0.0.1', () => {
  log.push('server listening');
  const req = http.request({ port: server.address().port, host: '127.0.0.1', agent: false });
  console.log(req.setNoDelay(true), req.setSocketKeepAlive(true, 1000), req.setNoDelay());
  req.on('socket', (s) => { log.push('socket event, connecting=' + s.connecting); req.setNoDelay(false); log.push('after setNoDelay in socket'); s.on('connect', () => { log.push('connect'); req.setSocketKeepAlive(false); }); });
  req.setTimeout(1000); req.clearTimeout();
  req.on('response', (res) => { log.push('response'); res.resume(); res.on('end', () => { req.setNoDelay(true); log.push('end'); setImmediate(() => { console.log(log.join('\n')); server.close(); }); }); });
  req.end();
});
