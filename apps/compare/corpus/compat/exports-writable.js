// Builtin exports are plain writable data properties: a program can patch
// http.request or net.connect and put them back, as nock and agents do.
'use strict';
const http = require('http');
const net = require('net');
const fs = require('fs');
const dns = require('dns');
const results = [];
for (const [name, mod, key] of [['http', http, 'request'], ['net', net, 'connect'], ['fs', fs, 'stat'], ['dns', dns, 'lookup'], ['timers', require('timers'), 'setTimeout']]) {
  const d = Object.getOwnPropertyDescriptor(mod, key);
  const orig = mod[key];
  let ok;
  try { mod[key] = function wrapped() {}; ok = mod[key].name === 'wrapped'; } catch (e) { ok = e.message; }
  mod[key] = orig;
  results.push(`${name}.${key}: writable=${d.writable} enumerable=${d.enumerable} configurable=${d.configurable} get=${typeof d.get} assign=${ok}`);
}
// http.get uses the patched http.request? (node: no — get calls the internal request)
let patchedCalled = false;
const realConnect = net.createConnection;
net.createConnection = function (...args) { patchedCalled = true; return realConnect.apply(this, args); };
const server = http.createServer((req, res) => res.end('ok')).listen(0, () => {
  http.get({ port: server.address().port, agent: new http.Agent() }, (res) => {
    res.resume();
    res.on('end', () => {
      results.push(`patched net.createConnection seen by http: ${patchedCalled}`);
      console.log(results.join('\n'));
      server.close();
    });
  });
});
