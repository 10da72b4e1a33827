// https client errors: untrusted server, wrong name, refused port; a server's clientError on a bad handshake.
const https = require('https');
const net = require('net');
const { read } = require('./fixtures/pki');
const server = https.createServer({ key: read('self.key'), cert: read('self.crt') }, (req, res) => res.end('ok'));
server.on('clientError', (err, socket) => {
  console.log('server clientError', err.code);
  socket.destroy();
});
server.listen(0, '127.0.0.1', async () => {
  const port = server.address().port;
  const get = (opts) =>
    new Promise((resolve) => {
      https
        .get({ host: '127.0.0.1', port, agent: false, ...opts }, (res) => {
          res.setEncoding('utf8');
          res.on('data', (d) => console.log('response', res.statusCode, d));
          res.on('end', resolve);
        })
        .on('error', (e) => {
          console.log('error', e.code, e.message);
          resolve();
        });
    });
  await get({});
  await get({ rejectUnauthorized: false });
  await get({ ca: read('self.crt'), servername: 'elsewhere.example' });
  await get({ ca: read('self.crt'), host: 'localhost' });
  await new Promise((resolve) => {
    const raw = net.connect(port, '127.0.0.1', () => raw.end('not tls at all\r\n\r\n'));
    raw.on('close', resolve);
    raw.resume();
  });
  server.close();
  try {
    https.get('http://localhost/');
  } catch (e) {
    console.log('wrong protocol', e.code, e.message);
  }
});
