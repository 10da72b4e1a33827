// process.getActiveResourcesInfo() names the loop's requests in flight (kept
// while their callbacks run), then its ref'd handles not yet closed (closing
// ones too), then ref'd timeouts and immediates, as Node names them. One
// step at a time, printed at exit. stdout and stderr are made first, so
// their handles (pipes here) are listed from the start whoever touches them.
process.stdout;
process.stderr;
const fs = require('fs');
const dns = require('dns');
const net = require('net');

const seen = [];
const show = (label) => seen.push(`${label} ${JSON.stringify(process.getActiveResourcesInfo())}`);
process.on('exit', () => {
  show('exit');
  console.log(seen.join('\n'));
});

show('start');
const timeout = setTimeout(() => {}, 10000);
const unrefd = setTimeout(() => {}, 10000);
unrefd.unref();
const interval = setInterval(() => {}, 1000);
interval.unref();
show('timers');
interval.ref();
show('interval ref');
clearInterval(interval);
clearTimeout(unrefd);
setImmediate(() => {
  show('in an immediate');
  fs.stat(__filename, () => {
    show('in fs.stat');
    fs.promises.stat(__filename).then(() => {
      show('fs.promises.stat settled');
      dns.lookup('localhost', () => {
        show('in dns.lookup');
        sockets();
      });
      show('dns.lookup made');
    });
    show('fs.promises.stat made');
  });
  show('fs.stat made');
});
show('immediate queued');

function sockets() {
  const watcher = fs.watch(__dirname);
  show('fs.watch');
  watcher.close();
  show('fs.watch closing');
  const server = net.createServer((socket) => {
    show('connection');
    socket.write(Buffer.alloc(1 << 23));
    show('big write');
    socket.end();
    socket.on('close', () => {
      server.close();
      show('server closing');
      clearTimeout(timeout);
      setImmediate(() => show('after close'));
    });
  });
  server.listen(0, '127.0.0.1', () => {
    show('listening');
    server.unref();
    show('server unref');
    server.ref();
    const client = net.connect(server.address().port, '127.0.0.1', () => show('connected'));
    show('connecting');
    client.resume();
  });
  show('listen called');
}
