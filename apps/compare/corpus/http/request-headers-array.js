// Request headers given as a flat [name, value, …] list (or pairs): the head
// is stored at once as given, no Host added, setHeader after it throws.
const http = require('http');
const net = require('net');
const srv = net.createServer((s) => {
  let data = '';
  s.on("data", (d) => {
    data += d;
    if (/\r\n\r\n/.test(data) && (!/chunked/.test(data) || /0\r\n\r\n$/.test(data))) {
      console.log(JSON.stringify(data.replace(/127\.0\.0\.1:\d+/, '127.0.0.1:PORT')));
      s.end('HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n');
    }
  });
});
srv.listen(0, '127.0.0.1', async () => {
  const port = srv.address().port;
  const cases = [
    { method: 'GET', headers: ['X-A', '1', 'X-A', '2'] },
    { method: 'POST', headers: ['X-A', '1'] , body: 'hi' },
    { method: 'POST', headers: ['Content-Length', '2'] , body: 'hi' },
    { method: 'PUT', headers: [['X-P', 'p'], ['Cookie', 'a=1']], body: 'x' },
    { method: 'GET', headers: ['Cookie', ['a=1', 'b=2'], 'X-L', ['l1', 'l2']] },
    { method: 'GET', headers: { 'X-O': '1' }, agent: false },
    { method: 'GET', headers: ['X-K', 'k'], agent: new http.Agent({ keepAlive: true }) },
  ];
  for (const c of cases) {
    await new Promise((resolve) => {
      const req = http.request({ port, host: '127.0.0.1', method: c.method, headers: c.headers, agent: c.agent || false }, (res) => {
        res.resume();
        res.on('end', () => {
          if (c.agent) c.agent.destroy();
          resolve();
        });
      });
      try { req.setHeader('X-Late', '1'); } catch (e) { console.log('late', e.code, e.message); }
      console.log('getHeaders', JSON.stringify(req.getHeaders()).replace(/127\.0\.0\.1:\d+/, '127.0.0.1:PORT'), req.getRawHeaderNames());
      req.end(c.body);
    });
  }
  srv.close();
});
