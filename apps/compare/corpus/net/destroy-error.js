// destroy(err): 'error' with that error, then 'close' with hadError true;
// the peer sees an ordinary end.
const net = require('net');
const server = net.createServer((s) => {
  s.on('end', () => console.log('server: end'));
  s.on('error', (e) => console.log('server: error', e.code));
  s.on('close', (hadError) => {
    console.log('server: close', hadError);
    server.close();
  });
  s.resume();
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    const err = new Error('boom');
    c.destroy(err);
    console.log('client: destroyed', c.destroyed, 'readyState:', c.readyState);
  });
  c.on('error', (e) => console.log('client: error', e.message));
  c.on('close', (hadError) => {
    console.log('client: close', hadError);
    c.destroy();
    console.log('client: second destroy is harmless');
  });
});
