// Top-level await on file and socket I/O.
import { readFile } from 'node:fs/promises';
import net from 'node:net';
const text = await readFile(new URL('./fixtures/data.json', import.meta.url), 'utf8');
console.log('read', JSON.parse(text).name);
const server = net.createServer((socket) => socket.end('pong'));
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const reply = await new Promise((resolve, reject) => {
  const client = net.connect(server.address().port, '127.0.0.1');
  let data = '';
  client.on('data', (chunk) => (data += chunk));
  client.on('end', () => resolve(data));
  client.on('error', reject);
});
console.log('reply', reply);
server.close(() => console.log('server closed'));
