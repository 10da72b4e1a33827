// Classes that are not exports, met through what a program gets back,
// carry node's names too: an aborted timer's AbortError (util.inspect
// prints its constructor's name when it differs from the error's), and the
// handles under a TCP server and a Unix-socket server.
const net = require('net');
const os = require('os');
const path = require('path');
const util = require('util');
const tp = require('timers/promises');

const ac = new AbortController();
ac.abort();
tp.setTimeout(1, 'v', { signal: ac.signal }).catch((e) => {
  console.log(e.name, e.constructor.name, util.inspect(e).split('\n')[0]);
  const tcp = net.createServer().listen(0, '127.0.0.1', () => {
    console.log('tcp server handle', tcp._handle.constructor.name);
    tcp.close();
    const file = path.join(os.tmpdir(), `internal-class-names-${process.pid}.sock`);
    const unix = net.createServer().listen(file, () => {
      console.log('unix server handle', unix._handle.constructor.name);
      const socket = net.connect(file, () => {
        console.log('socket', socket.constructor.name, socket._handle.constructor.name);
        socket.destroy();
        unix.close();
      });
    });
  });
});
