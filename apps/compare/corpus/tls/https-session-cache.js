// https.Agent's session cache: a second connection to the same origin resumes the first's session.
const https = require('https');
const { read, server: creds } = require('./fixtures/pki');
const reused = [];
const server = https.createServer(creds(), (req, res) => {
  reused.push(req.socket.isSessionReused());
  res.end(req.url);
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const agent = new https.Agent({ keepAlive: false, ca: read('ca.crt'), maxCachedSessions: 5 });
  console.log('maxCachedSessions', agent.maxCachedSessions, https.globalAgent.maxCachedSessions);
  for (const path of ['/a', '/b', '/c']) {
    await new Promise((resolve) => {
      https.get({ host: 'localhost', port, path, agent }, (res) => {
        res.resume();
        res.on('end', () => {
          console.log(path, res.statusCode, 'client reused', res.socket.isSessionReused());
          setTimeout(resolve, 20);
        });
      });
    });
  }
  console.log('server saw reused', reused.join(','), 'cached keys', agent._sessionCache.list.length);
  server.close();
});
