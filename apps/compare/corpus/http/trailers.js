// addTrailers on a chunked response: the client reads them after 'end'.
const http = require('http');
const server = http.createServer((req, res) => {
  res.setHeader('Trailer', 'X-Checksum');
  res.write('part one ');
  res.addTrailers({ 'X-Checksum': 'abc123', 'X-Other': 'yes' });
  res.end('part two');
});
server.listen(0, '127.0.0.1', () => {
  http.get({ host: '127.0.0.1', port: server.address().port }, (res) => {
    console.log('trailer header:', res.headers.trailer, 'te:', res.headers['transfer-encoding']);
    let body = '';
    res.on('data', (d) => (body += d));
    res.on('end', () => {
      console.log('body:', body);
      console.log('trailers:', JSON.stringify(res.trailers), 'raw:', JSON.stringify(res.rawTrailers));
      server.close();
    });
  });
});
