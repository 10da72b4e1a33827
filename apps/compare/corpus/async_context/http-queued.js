// Requests queued behind a keep-alive agent's one socket: every event of each
// request (socket, finish, response, data, end) runs in the store of the run()
// that made it, though each gets its socket from the previous request's callbacks.
const { AsyncLocalStorage } = require('async_hooks');
const http = require('http');
const als = new AsyncLocalStorage();
const log = (what) => console.log(what, JSON.stringify(als.getStore()));
const server = http.createServer((req, res) => setTimeout(() => res.end('x'), 5));
server.listen(0, () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  let n = 0;
  for (const id of ['A', 'B', 'C']) als.run(id, () => {
    const req = http.get({ port: server.address().port, agent }, (res) => {
      log('response ' + id);
      res.on('data', () => log('data ' + id));
      res.on('end', () => { log('end ' + id); if (++n === 3) { agent.destroy(); server.close(); } });
    });
    req.on('socket', (s) => log('socket event ' + id));
    req.on('finish', () => log('finish ' + id));
  });
});
