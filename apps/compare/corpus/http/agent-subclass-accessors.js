// A subclass of http.Agent with accessors for the fields the Agent
// constructor sets (as agent-base has for `protocol`): the constructor's
// assignments reach the setters, nothing shadows the getters, and the
// fields come in Node's order. agent-base decides `protocol` by looking for
// a `node:https:` frame in the stack of the https.request that reads it.
const http = require('http');
const https = require('https');

const assigned = [];
class Accessors extends http.Agent {
  get protocol() {
    const secure = new Error().stack.split('\n').some((line) => line.includes('node:https:'));
    return secure ? 'https:' : 'http:';
  }
  set protocol(value) {
    assigned.push(['protocol', value]);
  }
  get maxSockets() {
    return 7;
  }
  set maxSockets(value) {
    assigned.push(['maxSockets', value]);
  }
}
const agent = new Accessors({ keepAlive: true });
console.log('assigned', JSON.stringify(assigned));
console.log('own protocol', Object.hasOwn(agent, 'protocol'), 'maxSockets', agent.maxSockets);
console.log('keys', Object.keys(agent).join(' '));
console.log('https keys', Object.keys(new https.Agent()).join(' '));

const req = https.request('https://127.0.0.1:1/', { agent });
req.on('error', (err) => console.log('https request through it:', err.code));
try {
  http.request('http://127.0.0.1:1/', { agent }).on('error', (err) => console.log('http request:', err.code));
} catch (err) {
  console.log('http request through an https agent:', err.code, err.message);
}
