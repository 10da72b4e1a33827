// Socket callbacks throw (data, close): the handler runs, the iteration
// goes on, the connection still ends and closes in order.
// An I/O callback throws; the handler runs, then the iteration goes on.
const net = require('net');
process.on('uncaughtException', (err) => {
  console.log('caught', err.message);
  setImmediate(() => console.log('immediate from handler'));
});
const server = net.createServer((s) => s.end('x')).listen(0, () => {
  const c = net.connect(server.address().port);
  c.on('data', () => {
    setImmediate(() => console.log('immediate from data'));
    throw new Error('in data');
  });
  c.on('end', () => { console.log('end'); server.close(() => console.log('server closed')); });
  c.on('close', () => { console.log('client closed'); throw new Error('in close'); });
});
