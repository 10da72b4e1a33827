// require('console').Console exists and makes consoles on other streams;
// socket.timeout is a plain property set by setTimeout; connect takes
// localAddress: null and localPort: null, as undici passes them.
const { Console } = require('console');
const c = require('console');
console.log(typeof Console, c === console, typeof c.Console, console.Console === Console);
const { Writable } = require('stream');
let out = '';
const w = new Writable({ write(chunk, enc, cb) { out += chunk; cb(); } });
const mine = new Console({ stdout: w, stderr: w });
mine.log('to my stream %d', 42);
mine.error('an error line');
mine.table([{ a: 1 }]);
console.log(JSON.stringify(out));
const plain = Console(w);
plain.log('without new');
console.log(JSON.stringify(out.split('\n').slice(-2)));
const net = require('net');
const s = new net.Socket();
console.log('timeout prop', s.timeout, Object.getOwnPropertyDescriptor(s, 'timeout') !== undefined || 'timeout' in s);
s.setTimeout(1000);
console.log('after setTimeout', s.timeout);
s.setTimeout(0);
console.log('after 0', s.timeout);
s.destroy();
const srv = net.createServer((x) => x.end('hi')).listen(0, '127.0.0.1', () => {
  const c2 = net.connect({ port: srv.address().port, host: '127.0.0.1', localAddress: null, localPort: null }, () => {
    console.log('connected with null localAddress/localPort');
  });
  c2.on('data', (d) => console.log('data', String(d)));
  c2.on('close', () => srv.close());
  c2.on('error', (e) => { console.log('error', e.code, e.message); srv.close(); });
});
