// `connection` is an accessor pair on requests, responses and messages:
// interceptors such as nock assign it (and `socket`) on a request they
// answer themselves, and replace http.request.
const http = require('http');
const { PassThrough } = require('stream');
const req = new http.ClientRequest({ host: '127.0.0.1', port: 1, createConnection: () => new PassThrough() });
req.on('error', () => {});
const fake = { fake: true };
req.socket = req.connection = fake;
console.log('request', req.connection === fake, req.socket === fake);
const msg = new http.IncomingMessage(null);
msg.connection = fake;
console.log('message', msg.socket === fake, msg.connection === fake);
const out = new http.OutgoingMessage();
out.connection = fake;
console.log('outgoing', out.socket === fake);
for (const [name, proto] of [['OutgoingMessage', http.OutgoingMessage.prototype], ['IncomingMessage', http.IncomingMessage.prototype]]) {
  let p = proto;
  let d;
  while (p && !(d = Object.getOwnPropertyDescriptor(p, 'connection'))) p = Object.getPrototypeOf(p);
  console.log(name, typeof d.get, typeof d.set, d.enumerable);
}
const original = http.request;
const seen = [];
http.request = function (...args) {
  seen.push(typeof args[0] === 'string' ? args[0] : args[0].path);
  return original.apply(this, args);
};
const server = http.createServer((q, s) => s.end('through ' + q.url));
server.listen(0, '127.0.0.1', () => {
  http.request({ host: '127.0.0.1', port: server.address().port, path: '/wrapped', agent: false }, (res) => {
    let b = '';
    res.on('data', (d) => (b += d));
    res.on('end', () => {
      console.log(res.statusCode, b, 'seen', seen);
      http.request = original;
      server.close();
    });
  }).end();
});
