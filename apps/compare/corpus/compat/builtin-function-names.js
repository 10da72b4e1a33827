// Every function a builtin exports carries node's name for it: what
// util.inspect, console.log(module) and stack frames show. Printed: the
// exports whose name is not their key, and how many are named by their key.
// Left out: node's deprecated timers helpers and the underscored net, dgram
// and child_process internals, which mini does not export.
const util = require('util');
const skip = new Set(['timers.active', 'timers.enroll', 'timers.unenroll', 'timers._unrefActive', 'net._createServerHandle', 'net._normalizeArgs', 'net._setSimultaneousAccepts', 'dgram._createSocketHandle', 'child_process._forkChild']);
const ids = ['fs', 'fs/promises', 'http', 'https', 'net', 'dgram', 'dns', 'dns/promises', 'tls', 'child_process', 'cluster', 'timers', 'timers/promises', 'worker_threads', 'tty', 'readline'];
for (const id of ids) {
  const exports = require(id);
  let byKey = 0;
  const other = [];
  for (const key of Object.keys(exports).sort()) {
    const fn = exports[key];
    if (typeof fn !== 'function' || skip.has(`${id}.${key}`)) continue;
    if (fn.name === key) byKey++;
    else other.push(`${key}=${JSON.stringify(fn.name)}`);
  }
  console.log(id, byKey, other.join(' '));
}
console.log(util.inspect(require('fs').open), util.inspect(require('https').request), util.inspect(require('net').createConnection));
