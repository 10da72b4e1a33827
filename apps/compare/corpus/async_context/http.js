// AsyncLocalStorage with http, as request-scoped loggers use it: a server
// handler that runs each request in a store of its own, through a timer and
// an fs call, and clients whose response events see their request's store,
// also when a keep-alive agent hands the second request the first's socket.
const { AsyncLocalStorage } = require('async_hooks');
const http = require('http');
const fs = require('fs');
const als = new AsyncLocalStorage();
const log = (what) => console.log(what, JSON.stringify(als.getStore()));
const server = http.createServer((req, res) => {
  als.run({ url: req.url }, () => {
    setTimeout(() => {
      fs.stat(__filename, () => {
        log(`server ${req.url}`);
        res.end(als.getStore().url);
      });
    }, 1);
  });
});
server.listen(0, '127.0.0.1', () => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path, next) =>
    als.run({ request: path }, () => {
      http.get({ port: server.address().port, host: '127.0.0.1', path, agent }, (res) => {
        log(`response ${path} ${res.statusCode}`);
        let body = '';
        res.on('data', (d) => (body += d));
        res.on('end', () => {
          log(`end ${path} body ${body}`);
          next();
        });
      });
    });
  get('/one', () =>
    get('/two', () => {
      agent.destroy();
      server.close(() => log('closed'));
    }),
  );
});
