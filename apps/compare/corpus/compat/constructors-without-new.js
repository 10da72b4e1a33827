// Node's classes are functions: net.Server(), net.Socket() and
// http.Agent() need no `new`, and old-style inheritance with
// util.inherits and Base.call(this) works; http.Server is a net.Server.
const net = require('net');
const http = require('http');
const util = require('util');
const EventEmitter = require('events');
const results = [];
function tryIt(name, fn) {
  try {
    const v = fn();
    results.push(`${name}: ${v}`);
  } catch (e) {
    results.push(`${name}: threw ${e.name} ${e.code || ''} ${e.message}`);
  }
}
tryIt('net.Server()', () => { const s = net.Server(); return [s instanceof net.Server, s instanceof EventEmitter, typeof s.listen].join(' '); });
tryIt('net.Socket()', () => { const s = net.Socket(); const r = [s instanceof net.Socket, s.readable, s.writable].join(' '); s.destroy(); return r; });
tryIt('net.Stream === net.Socket', () => net.Stream === net.Socket);
tryIt('http.Agent()', () => { const a = http.Agent({ keepAlive: true }); return [a instanceof http.Agent, a.keepAlive].join(' '); });
tryIt('http.Server()', () => { const s = http.Server(); return [s instanceof http.Server, s instanceof net.Server].join(' '); });
tryIt('http.Server is a net.Server', () => http.Server.prototype instanceof net.Server);
tryIt('http.createServer() instanceof net.Server', () => http.createServer() instanceof net.Server);
function MyServer() { http.Server.call(this, (req, res) => res.end('mine')); this.mine = true; }
util.inherits(MyServer, http.Server);
tryIt('util.inherits(MyServer, http.Server)', () => { const s = new MyServer(); return [s instanceof http.Server, s.mine, typeof s.listen, s.listenerCount('request')].join(' '); });
function MySocket(opts) { net.Socket.call(this, opts); }
util.inherits(MySocket, net.Socket);
tryIt('util.inherits(MySocket, net.Socket)', () => { const s = new MySocket(); const r = [s instanceof net.Socket, typeof s.connect].join(' '); s.destroy(); return r; });
function MyAgent() { http.Agent.call(this, { maxSockets: 3 }); }
util.inherits(MyAgent, http.Agent);
tryIt('util.inherits(MyAgent, http.Agent)', () => { const a = new MyAgent(); return [a instanceof http.Agent, a.maxSockets].join(' '); });
tryIt('http.ClientRequest class', () => typeof http.ClientRequest);
const dgram = require('dgram');
tryIt('dgram.Socket', () => typeof dgram.Socket);
console.log(results.join('\n'));
