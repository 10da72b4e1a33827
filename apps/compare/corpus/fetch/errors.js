// What fetch rejects with, and the cause underneath: a refused port, an
// unparsable URL, a scheme it does not speak, a forbidden method, a body
// on GET, a bad header, a name that does not resolve, a reset mid-answer.
const net = require('net');
const show = (what) => (e) =>
  console.log(what + ':', e.name, e.message, '| cause:', e.cause?.name, e.cause?.code, e.cause?.message?.replace(/:\d+$/, ':PORT'));
const raw = net.createServer((socket) => socket.once('data', () => socket.end('HTTP/1.1 200 OK\r\ncontent-length: 10\r\n\r\nabc')));
raw.listen(0, '127.0.0.1', async () => {
  const refused = net.createServer();
  await new Promise((r) => refused.listen(0, '127.0.0.1', r));
  const port = refused.address().port;
  await new Promise((r) => refused.close(r));
  await fetch(`http://127.0.0.1:${port}/`).catch(show('refused'));
  await fetch('not a url').catch(show('bad url'));
  await fetch('ftp://127.0.0.1/file').catch(show('ftp'));
  await fetch('http://127.0.0.1:1/', { method: 'CONNECT' }).catch(show('CONNECT'));
  await fetch('http://127.0.0.1:1/', { body: 'x' }).catch(show('GET with body'));
  await fetch('http://127.0.0.1:1/', { headers: { 'bad header': 'x' } }).catch(show('header name'));
  await fetch('http://user:pass@127.0.0.1:1/').catch(show('credentials'));
  await fetch('http://name-that-does-not-exist.invalid/').catch(show('not found'));
  const res = await fetch(`http://127.0.0.1:${raw.address().port}/`);
  console.log('short answer', res.status);
  await res.text().catch(show('short body'));
  raw.close();
});
