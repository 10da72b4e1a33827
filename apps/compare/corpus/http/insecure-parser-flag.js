// --insecure-http-parser on the command line makes every parser lenient
// unless an option says otherwise; execArgv shows the flag.
const { spawnSync } = require('child_process');
if (process.argv[2] === 'child') {
  const http = require('http');
  const net = require('net');
  console.log('execArgv has flag', process.execArgv.includes('--insecure-http-parser'));
  const run = (opts) =>
    new Promise((resolve) => {
      const server = http.createServer(opts, (req, res) => res.end(`ok ${JSON.stringify(req.headers['x-bad'])}`));
      server.on('clientError', (e, s) => {
        console.log(`  ${JSON.stringify(opts)} clientError ${e.code}`);
        s.destroy();
      });
      server.listen(0, '127.0.0.1', () => {
        const c = net.connect(server.address().port, '127.0.0.1', () => c.write('GET / HTTP/1.1\r\nHost: x\r\nX-Bad: a\x01b\r\nConnection: close\r\n\r\n'));
        let d = '';
        c.on('data', (x) => (d += x));
        c.on('close', () => {
          console.log(`  ${JSON.stringify(opts)} ${d.split('\r\n\r\n')[1] ?? '(no response)'}`);
          server.close(resolve);
        });
      });
    });
  (async () => {
    await run({});
    await run({ insecureHTTPParser: false });
    await run({ insecureHTTPParser: true });
  })();
} else {
  for (const flags of [[], ['--insecure-http-parser']]) {
    const r = spawnSync(process.execPath, [...flags, __filename, 'child'], { encoding: 'utf8' });
    console.log(`flags ${JSON.stringify(flags)} status ${r.status}`);
    process.stdout.write(r.stdout);
    // The warning the flag prints names the pid: only whether it came.
    console.log('warned', /Warning: Using insecure HTTP parsing/.test(r.stderr));
  }
}
