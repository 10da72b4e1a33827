// Each kind of request body, as the server receives it: the content-type
// undici sets for it, its length or chunking, and the bytes.
const http = require('http');
const server = http.createServer((req, res) => {
  const chunks = [];
  req.on('data', (c) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString();
    res.end(JSON.stringify({
      method: req.method,
      type: req.headers['content-type'],
      length: req.headers['content-length'],
      chunked: req.headers['transfer-encoding'],
      body,
    }));
  });
});
server.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${server.address().port}/`;
  const bodies = [
    ['string', 'plain text'],
    ['URLSearchParams', new URLSearchParams({ a: '1', b: 'two words' })],
    ['Blob', new Blob(['blob bytes'], { type: 'text/x-custom' })],
    ['ArrayBuffer', new TextEncoder().encode('array buffer').buffer],
    ['Uint8Array', new TextEncoder().encode('typed array')],
    ['JSON string', JSON.stringify({ k: [1, 2] })],
  ];
  for (const [kind, body] of bodies) {
    const res = await fetch(url, { method: 'POST', body });
    console.log(kind, await res.text());
  }
  const put = await fetch(url, { method: 'PUT', body: 'x', headers: { 'content-type': 'application/vnd.mini' } });
  console.log('PUT', await put.text());
  const del = await fetch(url, { method: 'delete' });
  console.log('delete', await del.text());
  server.close();
});
