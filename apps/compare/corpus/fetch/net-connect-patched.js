// fetch opens its connections through node:net, so a program that wraps
// net.connect sees each of them (proxies and test tools rely on it).
const http = require('http');
const net = require('net');
const seen = [];
const original = net.connect;
net.connect = function connect(options, ...rest) {
  seen.push(`${options.host}:${typeof options.port} keepAlive=${options.keepAlive}`);
  return original.call(this, options, ...rest);
};
const server = http.createServer((req, res) => res.end('hi'));
server.listen(0, '127.0.0.1', async () => {
  const base = `http://127.0.0.1:${server.address().port}`;
  console.log(await (await fetch(`${base}/one`)).text());
  console.log(await (await fetch(`${base}/two`)).text());
  console.log('connects', seen.length, seen[0]);
  net.connect = original;
  server.closeAllConnections();
  server.close();
});
