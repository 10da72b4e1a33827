// A small server and its own client, for `mini --trace-loop`: each request
// reads a file on the thread pool, answers, and the next request goes out
// on a timer.
const fs = require('fs');
const http = require('http');

const server = http.createServer(function handleRequest(req, res) {
  fs.readFile(__filename, function fileRead(err, data) {
    res.end(`${req.url}: ${data.length} bytes\n`);
  });
});

server.listen(0, '127.0.0.1', function listening() {
  const { port } = server.address();
  let left = 3;
  (function ask() {
    http.get({ port, path: `/${left}`, agent: false }, function gotResponse(res) {
      res.setEncoding('utf8');
      res.on('data', function printBody(body) {
        process.stdout.write(body);
      });
      res.on('end', function responseEnded() {
        if (--left > 0) setTimeout(ask, 5);
        else server.close();
      });
    });
  })();
});
