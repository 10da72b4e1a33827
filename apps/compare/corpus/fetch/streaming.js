// Bodies as streams: a response read chunk by chunk as the server writes
// it, a request body from a ReadableStream (duplex: 'half'), tee and clone.
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.method === 'POST') {
    const parts = [];
    req.on('data', (c) => parts.push(c.toString()));
    req.on('end', () => res.end(`got ${parts.join('')} chunked=${req.headers['transfer-encoding']}`));
    return;
  }
  let i = 0;
  const tick = () => {
    if (i === 3) return res.end('end');
    res.write(`part${i++};`);
    setTimeout(tick, 15);
  };
  tick();
});
server.listen(0, '127.0.0.1', async () => {
  const url = `http://127.0.0.1:${server.address().port}/`;
  const res = await fetch(url);
  const seen = [];
  for await (const chunk of res.body) seen.push(Buffer.from(chunk).toString());
  console.log('chunks joined:', seen.join(''), 'bodyUsed', res.bodyUsed);
  const body = new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('a'));
      controller.enqueue(new TextEncoder().encode('b'));
      controller.close();
    },
  });
  await fetch(url, { method: 'POST', body }).catch((e) => console.log('no duplex:', e.name, e.message));
  const body2 = new ReadableStream({ start(c) { c.enqueue(new TextEncoder().encode('xyz')); c.close(); } });
  console.log(await (await fetch(url, { method: 'POST', body: body2, duplex: 'half' })).text());
  const twice = await fetch(url);
  const copy = twice.clone();
  console.log('clone:', (await twice.text()) === (await copy.text()));
  const [a, b] = (await fetch(url)).body.tee();
  const read = async (s) => { let t = ''; for await (const c of s) t += Buffer.from(c); return t; };
  console.log('tee:', await read(a), await read(b));
  const ab = await (await fetch(url)).arrayBuffer();
  console.log('arrayBuffer', ab.constructor.name, ab.byteLength);
  const blob = await (await fetch(url)).blob();
  console.log('blob', blob.constructor.name, blob.size, JSON.stringify(blob.type));
  server.close();
});
