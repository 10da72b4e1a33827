// The http hello server over TLS (the test PKI's certificate), for wrk.
// Prints "port=<n>" once listening; GET /quit closes it.
const https = require('https');
const fs = require('fs');
const path = require('path');
const pki = path.join(__dirname, '../corpus/tls/fixtures');
const body = Buffer.from('hello world\n');
const server = https.createServer(
  { key: fs.readFileSync(path.join(pki, 'server.key')), cert: fs.readFileSync(path.join(pki, 'server.crt')) },
  (req, res) => {
    if (req.url === '/quit') {
      res.setHeader('Connection', 'close');
      res.end('bye\n');
      server.close();
      return;
    }
    res.setHeader('Content-Type', 'text/plain');
    res.setHeader('Content-Length', body.length);
    res.end(body);
  },
);
server.listen(0, '127.0.0.1', () => console.log(`port=${server.address().port}`));
