// setHeader / getHeader / getHeaders / getHeaderNames / hasHeader /
// removeHeader on a server response, and headersSent.
const http = require('http');
const server = http.createServer((req, res) => {
  res.setHeader('X-One', '1');
  res.setHeader('X-Many', ['a', 'b']);
  res.setHeader('Content-Type', 'text/plain');
  res.setHeader('x-number', 42);
  console.log('getHeader x-one:', res.getHeader('x-one'), 'X-MANY:', res.getHeader('X-MANY'), 'number:', typeof res.getHeader('X-Number'));
  console.log('getHeaders:', JSON.stringify(res.getHeaders()));
  console.log('null prototype:', Object.getPrototypeOf(res.getHeaders()));
  console.log('names:', res.getHeaderNames().join(','), 'raw names:', res.getRawHeaderNames ? res.getRawHeaderNames().join(',') : '-');
  console.log('has x-one:', res.hasHeader('x-one'), 'has nothing:', res.hasHeader('nothing'));
  res.removeHeader('X-One');
  console.log('after remove:', res.hasHeader('x-one'), res.getHeader('x-one'));
  console.log('headersSent before:', res.headersSent);
  res.end('ok', () => {
    console.log('headersSent after:', res.headersSent);
    try {
      res.setHeader('too', 'late');
    } catch (e) {
      console.log('setHeader after send:', e.code, e.message);
    }
  });
});
server.listen(0, '127.0.0.1', () => {
  http.get({ host: '127.0.0.1', port: server.address().port }, (res) => {
    const { date, ...h } = res.headers;
    console.log('client headers:', JSON.stringify(h));
    res.resume();
    res.on('end', () => server.close());
  });
});
