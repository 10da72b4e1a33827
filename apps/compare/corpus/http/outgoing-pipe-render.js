// An OutgoingMessage cannot be piped from ('error' ERR_STREAM_CANNOT_PIPE,
// at once); _renderHeaders gives the headers keyed by the names as set,
// and refuses once the head is made.
const http = require('http');
const o = new http.OutgoingMessage();
o.on('error', (e) => console.log('error', e.name, e.code, e.message));
console.log('pipe returned', o.pipe(process.stdout));
o.setHeader('X-A', 1);
o.setHeader('x-b', ['1', '2']);
console.log(o._renderHeaders());
const server = http.createServer((req, res) => {
  res.setHeader('Content-Type', 'text/plain');
  console.log('server render', res._renderHeaders());
  res.end('ok');
  try {
    res._renderHeaders();
  } catch (e) {
    console.log(e.code, e.message);
  }
});
server.listen(0, '127.0.0.1', () => {
  const req = http.get({ host: '127.0.0.1', port: server.address().port, agent: false, headers: { 'X-Q': 'q' } }, (res) => {
    res.resume();
    res.on('end', () => server.close());
  });
  try {
    req._renderHeaders();
  } catch (e) {
    console.log('request after get()', e.code);
  }
});
