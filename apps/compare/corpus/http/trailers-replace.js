// addTrailers replaces what an earlier call set, reads an array as [name,
// value] pairs (a flat list is read so too), checks names and values.
const http = require('http');
const net = require('net');
let n = 0;
const server = http.createServer((req, res) => {
  n++;
  if (n === 1) {
    res.writeHead(200, { Trailer: 'X-A' });
    res.write('a');
    res.addTrailers({ 'X-A': '1' });
    res.addTrailers([['X-B', '2'], ['X-C', ['3', '4']]]);
    try { res.addTrailers(['X-D', '5']); } catch (e) { console.log('flat', e.code, e.message); }
    res.end();
  } else if (n === 2) {
    res.addTrailers({ 'X-E': ['e1', 'e2'], 'X-F': 9 });
    try { res.addTrailers({ 'bad name': 'v' }); } catch (e) { console.log(e.code, e.message); }
    try { res.addTrailers({ 'x': 'v\r\n' }); } catch (e) { console.log(e.code, e.message); }
    res.end('b');
  } else {
    console.log('headers', JSON.stringify(req.rawHeaders));
    res.end();
  }
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => c.write('GET / HTTP/1.1\r\nHost: x\r\n\r\nGET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n'));
  let data = '';
  c.on('data', (d) => (data += d));
  c.on('end', () => { console.log(JSON.stringify(data.replace(/Date: .*\r\n/g, 'Date: -\r\n'))); 
    const port = server.address().port;
    const req = http.request({ port, host: '127.0.0.1', headers: ['X-Y', '1', 'x-y', '2', 'Host', 'h', 'Connection', 'close'] }, (res) => { res.resume(); res.on('end', () => {
      try { http.request({ port, headers: ['X-Odd'] }); } catch (e) { console.log(e.code, e.message); }
      try { http.request({ port, headers: [['X-P', '1']] }).on('error', ()=>{}).destroy(); console.log('pairs ok'); } catch (e) { console.log(e.code, e.message); }
      server.close(); }); });
    console.log('headersSent', req.headersSent, JSON.stringify(req._header), req.getHeader('x-y'));
    req.end();
  });
});
