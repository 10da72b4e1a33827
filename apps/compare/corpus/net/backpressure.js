// write() returns false once the buffer passes the high-water mark; 'drain'
// follows when the peer has read it. The server reads slowly at first.
const net = require('net');
let received = 0;
const server = net.createServer((s) => {
  s.pause();
  setTimeout(() => s.resume(), 50);
  s.on('data', (d) => (received += d.length));
  s.on('end', () => {
    console.log('server received', received);
    s.end();
  });
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  console.log('writableHighWaterMark:', c.writableHighWaterMark);
  const chunk = Buffer.alloc(64 * 1024, 120);
  let writes = 0;
  let sawFalse = false;
  function pump() {
    while (writes < 200) {
      writes++;
      if (!c.write(chunk)) {
        if (!sawFalse) console.log('write returned false; writableNeedDrain:', c.writableNeedDrain);
        sawFalse = true;
        c.once('drain', pump);
        return;
      }
    }
    console.log('all', writes, 'writes queued; saw false:', sawFalse);
    c.end();
  }
  pump();
  c.on('close', () => server.close(() => console.log('done, bytesWritten:', c.bytesWritten)));
});
