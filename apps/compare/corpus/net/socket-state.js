// readyState, bytesRead/bytesWritten and write callbacks through a lifetime.
const net = require('net');
const server = net.createServer({ allowHalfOpen: true }, (s) => {
  s.on('data', () => {});
  s.on('end', () => s.end('0123456789'));
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  const log = [];
  log.push('start ' + c.readyState);
  c.write('abc', () => log.push('write cb abc'));
  c.write(Buffer.from('defg'), () => log.push('write cb defg'));
  c.on('connect', () => log.push('connect ' + c.readyState));
  c.on('finish', () => log.push('finish ' + c.readyState));
  c.on('data', (d) => log.push('data ' + d.length));
  c.on('end', () => log.push('end ' + c.readyState));
  c.on('close', () => {
    log.push('close ' + c.readyState + ' read ' + c.bytesRead + ' written ' + c.bytesWritten);
    console.log(log.join('\n'));
    server.close();
  });
  c.end(() => log.push('end cb'));
});
