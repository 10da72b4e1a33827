// res.setHeaders and req.setHeaders: what goes on the wire, in order, with
// the names as given (a Headers object's come lower-case).
const http = require('http');
const net = require('net');
const server = http.createServer((req, res) => {
  console.log('request', JSON.stringify(req.rawHeaders));
  const h = new Headers([['X-One', '1'], ['Set-Cookie', 'a=1'], ['Set-Cookie', 'b=2']]);
  res.setHeaders(h);
  res.setHeaders(new Map([['Content-Type', 'text/plain'], ['X-Two', ['2a', '2b']]]));
  res.end('done');
  try {
    res.setHeaders(new Map([['X-Late', '1']]));
  } catch (e) {
    console.log('after end:', e.code, e.message);
  }
});
server.listen(0, '127.0.0.1', () => {
  const req = http.request({ host: '127.0.0.1', port: server.address().port, agent: false, setHost: false });
  req.setHeaders(new Map([['X-Req', 'r'], ['Accept', 'text/plain']]));
  req.end();
  req.on('response', (res) => {
    const raw = [];
    for (let i = 0; i < res.rawHeaders.length; i += 2) if (res.rawHeaders[i] !== 'Date') raw.push(`${res.rawHeaders[i]}: ${res.rawHeaders[i + 1]}`);
    console.log('response', res.statusCode, raw.join(' | '));
    res.resume();
    res.on('end', () => server.close());
  });
});
