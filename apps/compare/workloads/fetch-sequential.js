// Sequential fetch GETs against a local HTTP server in another process
// (host node's http, the same for both runtimes, so only the client is
// measured). Prints "first=<ms>" (the process's first fetch, loading
// included) and "rps=<n>" for <N> GETs after it, one at a time.
const { spawn } = require('child_process');
const N = Number(process.argv[2] || 5000);
const server = spawn(
  'node',
  ['-e', "const s = require('http').createServer((q, r) => r.end('hello')); s.listen(0, '127.0.0.1', () => console.log(s.address().port))"],
  { stdio: ['ignore', 'pipe', 'inherit'] },
);
server.stdout.once('data', async (d) => {
  const url = `http://127.0.0.1:${String(d).trim()}/`;
  let start = process.hrtime.bigint();
  await (await fetch(url)).text();
  const first = Number(process.hrtime.bigint() - start) / 1e6;
  start = process.hrtime.bigint();
  for (let i = 0; i < N; i++) await (await fetch(url)).text();
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  console.log(`first=${first.toFixed(2)} rps=${Math.round(N / (ms / 1000))}`);
  server.kill();
  process.exit(0);
});
