// A bound UDP socket sent to a child: the child receives on the same port
// and answers; the parent's copy stays usable until it closes it.
const { fork } = require('child_process');
const dgram = require('dgram');
const path = require('path');
const child = fork(path.join(__dirname, 'fixtures', 'handle-child.js'), [], { execPath: process.argv[2] === 'node' ? 'node' : process.execPath });
const sock = dgram.createSocket('udp4');
sock.bind(0, '127.0.0.1', () => {
  const port = sock.address().port;
  child.send('dgram', sock);
  child.once('message', (m) => {
    console.log(m, '| parent still bound:', sock.address().port === port);
    sock.close(() => console.log('parent socket closed'));
    const client = dgram.createSocket('udp4');
    let left = 2;
    client.on('message', (msg) => {
      console.log(String(msg));
      if (--left === 0) {
        client.close();
        child.send('done');
      }
    });
    client.send('one', port, '127.0.0.1', () => client.send('two', port, '127.0.0.1'));
  });
});
child.on('exit', (code, signal) => console.log('child exit', code, signal));
