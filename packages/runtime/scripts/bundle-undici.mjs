// fetch and its classes come from undici 6.24.1, the version node 20.20
// ships (the dependency is named undici-fetch beside @mini/http's undici
// 7, whose llhttp we use). Built into one file as node builds its own copy:
// loading ~90 modules one by one on the first fetch cost ~50 ms, the one
// file with its code cache about what node's first fetch costs. Node's
// builtins stay outside: the runtime gives it ours (src/fetch.ts).
import { build } from 'esbuild';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);

await build({
  entryPoints: [require.resolve('undici-fetch/index-fetch.js')],
  outfile: `${here}/../dist/undici-fetch.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  // Class names are observable (Response.name, inspect output); esbuild
  // would rename some on a clash.
  keepNames: true,
  // What node's own build of undici defines: its requests say user-agent "node".
  define: { __UNDICI_IS_NODE__: 'true' },
  logLevel: 'warning',
});
