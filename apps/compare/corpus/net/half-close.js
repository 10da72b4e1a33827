// allowHalfOpen: the server sees the client's end, then still writes its
// reply, and the client still reads it after having ended its side.
const net = require('net');
const server = net.createServer({ allowHalfOpen: true }, (s) => {
  let got = '';
  s.setEncoding('utf8');
  s.on('data', (d) => (got += d));
  s.on('end', () => {
    console.log('server: end, got', JSON.stringify(got), 'writable:', s.writable, 'readyState:', s.readyState);
    setTimeout(() => s.end('late reply'), 20);
  });
  s.on('close', () => server.close(() => console.log('server closed')));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.end('request');
    console.log('client: after end(), readable:', c.readable, 'writable:', c.writable);
  });
  c.setEncoding('utf8');
  let reply = '';
  c.on('data', (d) => (reply += d));
  c.on('finish', () => console.log('client: finish'));
  c.on('end', () => console.log('client: end, reply', JSON.stringify(reply)));
  c.on('close', (hadError) => console.log('client: close', hadError));
});
