// http: a stack in a request handler, a response callback and a response's
// data, each reading as node's parser and streams call them.
const http = require('http');
const show = (label, err) => console.log(`${label}\n${err.stack.replaceAll(__dirname, '.').replace(/^ {4}at /gm, '    | ')}`);

const server = http.createServer(function onRequest(req, res) {
  show('request', new Error('q'));
  res.end('body');
});
server.listen(0, '127.0.0.1', () => {
  http.get({ host: '127.0.0.1', port: server.address().port, agent: false }, function onResponse(res) {
    show('response', new Error('r'));
    res.on('data', function onBody() {
      show('response data', new Error('b'));
    });
    res.on('end', () => server.close());
  });
});
