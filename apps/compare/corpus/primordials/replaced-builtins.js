// Programs replace builtins that Node's machinery took at startup and
// never looks up again: process.hrtime, Date.now, Promise.prototype.then
// and the global timers stay replaced for the whole run, and
// Function.prototype.call too while timers, an immediate and fs callbacks
// arrive (Node's own streams look `call` up, so it is put back before the
// sockets and the child process); ours must keep working as Node's do.
const timers = require('timers');
const fs = require('fs');
const net = require('net');
const http = require('http');
const { execFile } = require('child_process');

const originalCall = Function.prototype.call;
process.hrtime = () => [0, 0];
Date.now = () => 0;
Promise.prototype.then = function () {
  throw new Error('Promise.prototype.then was used');
};
globalThis.setTimeout = globalThis.setInterval = globalThis.setImmediate = () => {
  throw new Error('a global timer was used');
};
Function.prototype.call = function () {
  throw new Error('Function.prototype.call was used');
};

const seen = [];
let left = 3;
function step(what) {
  seen.push(what);
  if (--left === 0) sockets();
}
timers.setTimeout((a, b) => step(`timeout ${a} ${b}`), 5, 'a', 'b');
timers.setImmediate(() => step('immediate'));
fs.stat(__filename, (err, st) => step(`stat ${err} ${st.isFile()}`));

function sockets() {
  Function.prototype.call = originalCall;
  console.log(seen.sort().join('\n'));
  const server = http.createServer((req, res) => res.end(`hello ${req.url}`));
  server.listen(0, '127.0.0.1', () => {
    http.get(`http://127.0.0.1:${server.address().port}/x`, (res) => {
      res.setEncoding('utf8');
      res.on('data', (body) => console.log('http', res.statusCode, body));
      res.on('end', () => {
        const echo = net.createServer((s) => s.pipe(s)).listen(0, '127.0.0.1', () => {
          const c = net.connect(echo.address().port, '127.0.0.1', () => c.end('ping'));
          c.on('data', (d) => console.log('net', String(d)));
          c.on('close', () => {
            echo.close();
            server.close(() => {
              execFile('sh', ['-c', 'echo child $0', 'ran'], { timeout: 5000 }, (err, stdout) => {
                console.log('child_process', err, stdout.trim());
                timers.setTimeout(() => console.log('done'), 1);
              });
            });
          });
        });
      });
    });
  });
}
