// An echo server and a client that sends three lines and reads them back.
const net = require('net');
const server = net.createServer((socket) => socket.pipe(socket));
server.listen(0, '127.0.0.1', () => {
  const client = net.connect(server.address().port, '127.0.0.1');
  let got = '';
  client.setEncoding('utf8');
  client.on('data', (d) => {
    got += d;
    if (got.split('\n').length === 4) client.end();
  });
  client.on('end', () => console.log('client end, got:', JSON.stringify(got)));
  client.on('close', (hadError) => {
    console.log('client close, hadError:', hadError);
    server.close(() => console.log('server closed'));
  });
  client.write('one\n');
  client.write('two\n');
  client.write(Buffer.from('three\n'));
});
