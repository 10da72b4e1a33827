// Aborting a fetch: before it starts, while waiting for the answer, while
// reading the body, and by AbortSignal.timeout; each reason as node gives it.
const http = require('http');
const server = http.createServer((req, res) => {
  if (req.url === '/body') {
    res.write('first part;');
    return; // the rest never comes
  }
  setTimeout(() => res.end('late'), 400);
});
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const done = new AbortController();
  done.abort();
  await fetch(base, { signal: done.signal }).catch((e) => console.log('pre-aborted:', e.name, e.message));
  const custom = new AbortController();
  custom.abort(new Error('my reason'));
  await fetch(base, { signal: custom.signal }).catch((e) => console.log('own reason:', e.name, e.message));
  const waiting = new AbortController();
  setTimeout(() => waiting.abort(), 30);
  await fetch(base, { signal: waiting.signal }).catch((e) => console.log('while waiting:', e.name, e.message));
  await fetch(base, { signal: AbortSignal.timeout(30) }).catch((e) => console.log('timeout:', e.name, e.message));
  const reading = new AbortController();
  const res = await fetch(`${base}/body`, { signal: reading.signal });
  const reader = res.body.getReader();
  const first = await reader.read();
  console.log('got', Buffer.from(first.value).toString());
  reading.abort();
  await reader.read().catch((e) => console.log('while reading:', e.name, e.message));
  server.closeAllConnections();
  server.close(() => console.log('closed'));
});
