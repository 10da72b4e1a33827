// The events each side sees, in order, for a connect / exchange / end cycle.
// Sides run concurrently, so each side keeps its own log, printed at the end.
const net = require('net');
const clientLog = [];
const serverLog = [];
let closed = 0;
function sideClosed() {
  if (++closed < 2) return;
  server.close(() => {
    console.log('client:', clientLog.join(', '));
    console.log('server:', serverLog.join(', '));
  });
}
const server = net.createServer((s) => {
  serverLog.push('connection');
  s.on('close', sideClosed);
  for (const ev of ['ready', 'end', 'finish', 'close']) s.on(ev, (a) => serverLog.push(ev + (a === undefined ? '' : ' ' + a)));
  s.on('data', (d) => {
    serverLog.push('data ' + d);
    s.end('bye');
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect({ port: server.address().port, host: '127.0.0.1' });
  clientLog.push('connecting ' + c.connecting);
  for (const ev of ['lookup', 'connect', 'ready', 'end', 'finish']) c.on(ev, () => clientLog.push(ev));
  c.on('data', (d) => clientLog.push('data ' + d));
  c.on('connect', () => c.write('hi'));
  c.on('close', (hadError) => {
    clientLog.push('close ' + hadError);
    sideClosed();
  });
});
