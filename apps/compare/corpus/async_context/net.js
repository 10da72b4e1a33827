// AsyncLocalStorage through sockets: a server's callbacks in the store of
// its listen(), a client's events in the store of its connect(), and an
// accepted connection's own events in none (Node makes that handle before
// calling into the server). One exchange at a time.
const { AsyncLocalStorage } = require('async_hooks');
const net = require('net');
const als = new AsyncLocalStorage();
const log = (what) => console.log(what, JSON.stringify(als.getStore()));
let server;
als.run({ id: 'server' }, () => {
  server = net.createServer((sock) => {
    log('connection');
    sock.on('data', (d) => {
      log(`server data ${d}`);
      als.run({ id: 'reply' }, () => setTimeout(() => sock.end('bye'), 1));
    });
    sock.on('end', () => log('server end'));
    sock.on('close', () => log('server socket close'));
  });
  server.on('listening', () => log('listening event'));
  server.listen(0, '127.0.0.1', () => log('listen callback'));
});
server.once('listening', () => {
  als.run({ id: 'client' }, () => {
    const c = net.connect(server.address().port, '127.0.0.1', () => {
      log('connect');
      c.write('hi');
    });
    c.on('data', (d) => log(`client data ${d}`));
    c.on('end', () => log('client end'));
    c.on('close', () => {
      log('client close');
      als.run({ id: 'closing' }, () => server.close(() => log('server closed')));
    });
  });
});
