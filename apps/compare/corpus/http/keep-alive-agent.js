// A keep-alive Agent reuses one connection for sequential requests.
const http = require('http');
let connections = 0;
const server = http.createServer((req, res) => res.end(req.url));
server.on('connection', () => connections++);
server.listen(0, '127.0.0.1', async () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const port = server.address().port;
  const get = (path) =>
    new Promise((resolve) => {
      const req = http.get({ host: '127.0.0.1', port, path, agent }, (res) => {
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => resolve(`${body} reused=${req.reusedSocket} connection=${res.headers.connection} keep-alive=${res.headers['keep-alive']}`));
      });
    });
  for (const p of ['/a', '/b', '/c']) console.log(await get(p));
  console.log('connections:', connections);
  const name = Object.keys(agent.freeSockets)[0];
  console.log('free sockets:', Object.keys(agent.freeSockets).length, name.replace(String(port), 'PORT'), agent.freeSockets[name].length);
  agent.destroy();
  server.close(() => console.log('server closed'));
});
