// writeHead with a flat [name, value, …] list, with [[name, value], …] pairs,
// merged into setHeader()'s headers, and the errors for an odd list.
const http = require('http');
const net = require('net');
let n = 0;
const server = http.createServer((req, res) => {
  n++;
  try {
  if (n === 1) { res.setHeader('X-Set', 's'); res.writeHead(200, ['X-Flat', 'a', 'X-Flat', 'b', 'Content-Length', '1']); }
  else if (n === 2) { res.writeHead(200, 'Fine', [['X-Pair', 'p1'], ['x-pair', 'p2'], ['Content-Length', '1']]); }
  else if (n === 3) { res.setHeader('X-Set', 's'); res.writeHead(200, [['X-Pair', 'p1'], ['Content-Length', '1']]); }
  else if (n === 4) { try { res.writeHead(200, ['X-Odd']); } catch (e) { console.log(e.code, e.message); res.writeHead(200, { 'content-length': 1 }); } }
  else if (n === 5) { try { res.writeHead(200, ['bad name', 'v']); } catch (e) { console.log(e.code, e.message); res.writeHead(200, { 'content-length': 1 }); } }
  else { res.setHeader('X-Set', 's'); try { res.writeHead(200, ['X-Odd']); } catch (e) { console.log(e.code, e.message, res.headersSent); res.writeHead(200, ['Content-Length', 1, 'Connection', 'close']); } }
  } catch (e) { console.log('threw', e.code, e.message); }
  res.end('z');
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.write('GET / HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(6)));
  let data = '';
  c.on('data', (d) => (data += d));
  c.on('end', () => { console.log(data.replace(/Date: .*\r\n/g, '').replace(/\r\n/g, '|')); server.close(); });
});
