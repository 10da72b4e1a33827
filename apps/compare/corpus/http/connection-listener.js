// http._connectionListener: the server's own 'connection' listener; a socket
// accepted elsewhere and handed to it speaks HTTP.
const http = require('http');
const net = require('net');
console.log(typeof http._connectionListener, http._connectionListener.name, http._connectionListener.length);
const server = http.createServer((req, res) => res.end('via ' + req.url));
console.log(server.listeners('connection').length, server.listeners('connection')[0] === http._connectionListener);
const plain = net.createServer((socket) => { http._connectionListener.call(server, socket); });
plain.listen(0, '127.0.0.1', () => {
  http.get({ port: plain.address().port, host: '127.0.0.1', path: '/handed', agent: false }, (res) => {
    let b = ''; res.on('data', (d) => (b += d)); res.on('end', () => { console.log(res.statusCode, b, server.listening); plain.close(); });
  });
});
const s2 = new http.Server(); s2.removeListener('connection', http._connectionListener); console.log(s2.listenerCount('connection'));
