// writeEarlyHints: its argument checks, then two 103s (one Link, a list of
// them) ahead of the response, byte for byte.
const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => {
  const tries = [undefined, null, 'x', {}, { link: null }, { link: '' }, { link: [] }, { link: 'bad' }, { link: ['</a.css>; rel=preload', 'bad'] }, { link: 5 }];
  for (const t of tries) { try { const r = res.writeEarlyHints(t); console.log('ok', JSON.stringify(t), r); } catch (e) { console.log(e.code, e.message); } }
  res.writeEarlyHints({ link: '</styles.css>; rel=preload; as=style', 'x-trace': 'abc', 'X-Num': 7 }, () => console.log('cb1'));
  res.writeEarlyHints({ link: ['</a.js>; rel=preload; as=script', '</b.css>; rel=preload; as=style'] });
  res.writeHead(200, ['Content-Length', '2', 'X-Flat', 'a', 'x-flat', 'b']);
  res.end('ok');
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
  let data = '';
  c.on('data', (d) => (data += d));
  c.on('end', () => { console.log(JSON.stringify(data.replace(/Date: .*\r\n/, 'Date: -\r\n'))); server.close(); });
});
