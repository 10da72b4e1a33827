// A server and an agent inherited the old way serve a real request.
const http = require('http');
const net = require('net');
const util = require('util');

function LoggingServer(handler) {
  http.Server.call(this, handler);
  this.seen = 0;
  this.on('request', () => this.seen++);
}
util.inherits(LoggingServer, http.Server);

function CountingAgent(options) {
  http.Agent.call(this, options);
  this.made = 0;
}
util.inherits(CountingAgent, http.Agent);
CountingAgent.prototype.createConnection = function (options, cb) {
  this.made++;
  return net.createConnection(options, cb);
};

const server = new LoggingServer((req, res) => res.end(`hello ${req.url}`));
server.listen(0, '127.0.0.1', () => {
  const agent = new CountingAgent({ keepAlive: false });
  console.log('listening', server.listening, server instanceof net.Server, typeof server.address().port);
  http.get({ port: server.address().port, host: '127.0.0.1', path: '/old-style', agent }, (res) => {
    res.setEncoding('utf8');
    let body = '';
    res.on('data', (d) => (body += d));
    res.on('end', () => {
      console.log(res.statusCode, body, 'seen', server.seen, 'made', agent.made);
      server.close(() => console.log('closed'));
    });
  });
});
