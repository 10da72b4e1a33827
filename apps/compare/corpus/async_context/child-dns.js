// AsyncLocalStorage through a child process (its output and exit) and
// dns.lookup: each in the store of the run() that started it.
const { AsyncLocalStorage } = require('async_hooks');
const { execFile, spawn } = require('child_process');
const dns = require('dns');
const als = new AsyncLocalStorage();
const log = (what) => console.log(what, JSON.stringify(als.getStore()));
als.run({ id: 'execFile' }, () => {
  execFile(process.execPath, ['-e', 'console.log(1)'], (err, out) => {
    log(`execFile ${err} ${out.trim()}`);
    als.run({ id: 'spawn' }, () => {
      const child = spawn(process.execPath, ['-e', 'process.stdout.write("x")']);
      child.stdout.on('data', (d) => log(`spawn stdout ${d}`));
      child.on('exit', (code) => log(`spawn exit ${code}`));
      child.on('close', () => {
        log('spawn close');
        als.run({ id: 'lookup' }, () => dns.lookup('localhost', { family: 4 }, (e, addr) => {
          log(`lookup ${addr}`);
          als.run({ id: 'lookup promise' }, async () => {
            await dns.promises.lookup('localhost', 4);
            log('lookup promise');
          });
        }));
      });
    });
  });
});
