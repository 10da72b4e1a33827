// https.Agent: keep-alive reuse, pool names with TLS options, defaults.
const https = require('https');
const { read, server: creds } = require('./fixtures/pki');
const agent = new https.Agent({ keepAlive: true, maxSockets: 1, ca: read('ca.crt') });
console.log('defaults', agent.defaultPort, agent.protocol, https.globalAgent.defaultPort, https.globalAgent.protocol, agent instanceof require('http').Agent);
console.log('name', agent.getName({ host: 'h', port: 1 }).split(':').length);
let connections = 0;
const server = https.createServer(creds(), (req, res) => res.end(req.url));
server.on('secureConnection', () => connections++);
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  for (const path of ['/one', '/two', '/three']) {
    await new Promise((resolve) => {
      const req = https.get({ host: 'localhost', port, path, agent }, (res) => {
        let b = '';
        res.on('data', (d) => (b += d));
        res.on('end', () => {
          console.log(path, res.statusCode, b, 'reused', req.reusedSocket);
          setImmediate(resolve);
        });
      });
    });
  }
  console.log('connections', connections, 'free pools', Object.keys(agent.freeSockets).length);
  agent.destroy();
  server.close(() => console.log('closed'));
});
