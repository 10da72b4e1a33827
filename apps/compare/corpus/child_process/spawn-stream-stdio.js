// Streams as stdio: our stdout given to the child, and a connected socket
// as its stdin (we stop reading it, so the child gets the bytes).
const { spawn } = require('child_process');
const net = require('net');
const c = spawn('echo', ['written by the child'], { stdio: ['ignore', process.stdout, process.stderr] });
c.on('close', (code) => {
  console.log('echo close', code);
  const srv = net.createServer((s) => s.end('through the socket\n'));
  srv.listen(0, '127.0.0.1', () => {
    const sock = net.connect(srv.address().port, '127.0.0.1', () => {
      const cat = spawn('cat', [], { stdio: [sock, 'pipe', 'inherit'] });
      let out = '';
      cat.stdout.on('data', (d) => (out += d));
      cat.on('close', (code2) => {
        console.log('cat', JSON.stringify(out), code2);
        sock.destroy();
        srv.close();
      });
    });
  });
});
