// server.close() after requests on the default (keep-alive) agent: idle
// connections go, the close callback runs, the process exits.
const http = require('http');
const server = http.createServer((req, res) => res.end('ok'));
server.on('close', () => console.log('close event'));
server.listen(0, '127.0.0.1', () => {
  let n = 0;
  for (let i = 0; i < 3; i++) {
    http.get(`http://127.0.0.1:${server.address().port}/${i}`, (res) => {
      res.resume();
      res.on('end', () => {
        if (++n === 3) {
          console.log('three responses; keepAlive of the global agent:', http.globalAgent.keepAlive);
          server.close((err) => console.log('close callback', err));
          console.log('listening:', server.listening);
        }
      });
    });
  }
});
process.on('exit', () => console.log('exit'));
