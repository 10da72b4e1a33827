// close(cb) and the 'close' event, for bound and never-bound sockets.
const dgram = require('dgram');
const log = [];
const a = dgram.createSocket('udp4');
a.on('close', () => log.push('a close event'));
a.close(() => log.push('a close callback'));
log.push('a close() returned');
const b = dgram.createSocket('udp4');
b.on('close', () => log.push('b close event'));
b.bind(0, '127.0.0.1', () => {
  log.push('b bound');
  const r = b.close(() => {
    log.push('b close callback');
    console.log(log.join('\n'));
  });
  log.push('b close returns the socket: ' + (r === b));
});
