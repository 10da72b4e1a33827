// setEncoding: strings instead of Buffers; a UTF-8 character split across
// two writes arrives whole.
const net = require('net');
const euro = Buffer.from('\u20ac');
const server = net.createServer((s) => {
  s.write(Buffer.concat([Buffer.from('price: '), euro.subarray(0, 1)]));
  setTimeout(() => s.end(Buffer.concat([euro.subarray(1), Buffer.from('5')])), 20);
});
server.listen(0, '127.0.0.1', () => {
  const c = net.connect(server.address().port, '127.0.0.1');
  const r = c.setEncoding('utf8');
  console.log('setEncoding returns the socket:', r === c, 'readableEncoding:', c.readableEncoding);
  let text = '';
  const types = new Set();
  c.on('data', (d) => {
    types.add(typeof d);
    text += d;
  });
  c.on('end', () => {
    console.log('types:', [...types].join(','), 'text:', text, 'length:', text.length);
    const h = net.connect(server.address().port, '127.0.0.1');
    h.setEncoding('hex');
    let hex = '';
    h.on('data', (d) => (hex += d));
    h.on('end', () => {
      console.log('hex:', hex);
      server.close();
    });
  });
});
