// Builds the `mini` command as one file, because startup is a feature:
// resolving and compiling ~40 modules one by one cost ~15 ms more than
// node's own startup. Then primes a V8 code cache for it (see src/launch.ts).
import { build } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleSections } from './source-modules.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
// koffi stays a separate native package, and the bundle requires its
// native module by path: koffi's own loader (four CommonJS files, a
// package lookup, the node binary's ELF headers read to tell glibc from
// musl) cost every thread's start ~4 ms for an answer that is the same at
// each run. Which binary it is, koffi's loader says here, once; what its
// JavaScript adds to the native module is deprecated aliases we never call.
require('koffi');
const koffiNative = Object.keys(require.cache).find((id) => id.endsWith('.node') && id.includes('koffi'));
if (koffiNative === undefined) throw new Error("build: koffi's loader loaded no native module");
const koffiFromDist = './' + relative(`${here}/dist`, koffiNative);
// llhttp's wasm (base64 inside undici) stays out of the bundle too: ~150 kB
// that every start would read and hash for the code cache, used only once
// a program speaks HTTP. Found from @mini/http, which depends on undici.
const httpRequire = createRequire(require.resolve('@mini/http/package.json'));
// libmini.so (the thread pool's native half) stays in @mini/sys's dist/.
const libmini = relative(`${here}/dist`, `${dirname(require.resolve('@mini/sys/package.json'))}/dist/native/libmini.so`);
// dns2's index loads its servers and clients too (DNS-over-HTTPS pulls in
// https and http2): ~12 ms at the first require('dns'). @mini/dns uses its
// message codec only, so the bundle gets packet.js alone, in the index's
// shape. packet.js takes node:crypto's randomInt for a new message's default
// id, which our channel always replaces with its own; the host's crypto
// costs ~4 ms to load, so the codec gets a randomInt without it.
const dns2Packet = join(dirname(createRequire(require.resolve('@mini/dns/package.json')).resolve('dns2')), 'packet.js');
// fetch's undici, built into one file by @mini/runtime, is loaded from there on first use.
const undiciFetch = relative(`${here}/dist`, `${dirname(require.resolve('@mini/runtime/package.json'))}/dist/undici-fetch.js`);

// Node's names for its builtins' functions where a name is not the export's
// key (packages/runtime/src/builtin-names.ts): learnt from this node.
const nodeNames = {};
// Loading each builtin is all this does: its warnings (sys deprecated, WASI experimental) are not the build's.
const emitWarning = process.emitWarning;
process.emitWarning = () => {};
for (const id of builtinModules) {
  if (id.startsWith('_') && !id.startsWith('_http_') && !id.startsWith('_tls_')) continue;
  let exports;
  try {
    exports = require(`node:${id}`);
  } catch {
    continue;
  }
  for (const [table, object] of [
    [id, exports],
    [`${id}/promises`, exports?.promises],
  ]) {
    if (typeof object !== 'object' || object === null) continue;
    const names = {};
    for (const key of Object.keys(object)) {
      // Through its getter where node has one (fs.FileReadStream is ReadStream).
      let value;
      try {
        value = object[key];
      } catch {
        continue;
      }
      if (typeof value === 'function' && value.name !== key) names[key] = value.name;
    }
    nodeNames[table] = names;
  }
}
process.emitWarning = emitWarning;

// The shapes of the builtins that load as stubs (packages/runtime/src/stub-module.ts), learnt from this node.
const runtimeDist = `${dirname(require.resolve('@mini/runtime/package.json'))}/dist`;
const { CALL_TIME_STUBS, shapeOf } = require(`${runtimeDist}/stub-module.js`);
const stubShapes = Object.fromEntries(CALL_TIME_STUBS.map((id) => [id, shapeOf(require(`node:${id}`))]));

await build({
  entryPoints: [`${here}/src/main.ts`],
  outfile: `${here}/dist/runtime.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  conditions: ['mini-source'],
  // No keepNames: its per-closure __name() calls cost ~4% of an HTTP
  // request. esbuild only renames on a clash, and test/names.test.ts
  // checks that every public class keeps its name.
  external: ['@mini/compare', './trace.js'],
  define: {
    __MINI_LIBMINI__: JSON.stringify(libmini),
    __MINI_UNDICI__: JSON.stringify(undiciFetch),
    __MINI_NODE_NAMES__: JSON.stringify(nodeNames),
    __MINI_STUB_SHAPES__: JSON.stringify(stubShapes),
  },
  sourcemap: true,
  logLevel: 'warning',
  plugins: [
    {
      name: 'koffi-by-path',
      setup(b) {
        b.onResolve({ filter: /^koffi$/ }, () => ({ path: koffiFromDist, external: true }));
        b.onResolve({ filter: /^dns2$/ }, () => ({ path: 'dns2', namespace: 'dns2-codec' }));
        b.onResolve({ filter: /^node:crypto$/ }, (args) =>
          args.importer === dns2Packet ? { path: 'crypto', namespace: 'dns2-codec' } : undefined,
        );
        b.onLoad({ filter: /^dns2$/, namespace: 'dns2-codec' }, () => ({
          contents: "module.exports = { Packet: require('./packet.js') };",
          resolveDir: dirname(dns2Packet),
          loader: 'js',
        }));
        b.onLoad({ filter: /^crypto$/, namespace: 'dns2-codec' }, () => ({
          contents: 'module.exports = { randomInt: (max) => Math.floor(Math.random() * max) };',
          loader: 'js',
        }));
        b.onResolve({ filter: /^undici\/lib\/llhttp\// }, (args) => ({
          path: './' + relative(`${here}/dist`, httpRequire.resolve(args.path)),
          external: true,
        }));
      },
    },
  ],
});
// Only comments can hold non-ASCII text (esbuild escapes it in code), but
// one such character makes V8 keep the whole ~1 MB source as a two-byte
// string, which every thread's start reads and hashes for the code cache
// (~3 ms more, measured in a worker): they are escaped like the code's.
const runtimeFile = `${here}/dist/runtime.js`;
let runtimeText = readFileSync(runtimeFile, 'utf8').replace(/[^\0-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
// esbuild gives each `import fs from 'node:fs'` (or `* as`) a namespace of
// its own over the builtin, a getter per export made at startup: 26 such,
// five over node:fs, cost a worker's start 0.9–1.1 ms (measured; 0.3–0.5
// with one namespace per builtin). A builtin's exports are all there once
// it is required, so one namespace per builtin serves every importer.
const hostImport = '__toESM(require("node:';
if (!runtimeText.includes(hostImport) || !runtimeText.includes('var __toCommonJS =')) {
  throw new Error("build: esbuild's import helpers are not the ones this build knows");
}
runtimeText = runtimeText
  .replaceAll(hostImport, '__toESMHost(require("node:')
  .replace(
    'var __toCommonJS =',
    'var __hostNamespaces = new WeakMap();\n' +
      'var __toESMHost = (mod) => { let ns = __hostNamespaces.get(mod); if (ns === void 0) __hostNamespaces.set(mod, (ns = __toESM(mod))); return ns; };\n' +
      'var __toCommonJS =',
  );
// A class whose body names itself (`new TCP(...)`, AbortError as the frame
// its validation error hides) is `TCP = class _TCP ...` in esbuild's lazily
// initialised modules, and its name is then _TCP: util.inspect showed an
// aborted timer's error as `_AbortError: The operation was aborted`. A
// static block first in the body gives the class its own name back, on the
// header's line, so the source map's lines stay where they are. It runs
// when the module is first loaded, after the program may have replaced
// Object.defineProperty: esbuild's __defProp is the original.
if (!runtimeText.includes('var __defProp = Object.defineProperty;')) {
  throw new Error("build: esbuild's __defProp is not the helper this build knows");
}
runtimeText = runtimeText.replace(
  /\b([A-Za-z_$][\w$]*) = class _\1( extends [^{\n]+)? \{/g,
  (_, name, heritage = '') => `${name} = class _${name}${heritage} { static { __defProp(this, "name", { value: "${name}" }); }`,
);
const renamed = /\b([A-Za-z_$][\w$]*) = class _\1\b(?! extends [^{\n]+ \{ static \{ __defProp| \{ static \{ __defProp)/.exec(runtimeText);
if (renamed !== null) throw new Error(`build: the class ${renamed[1]} would be named _${renamed[1]}`);
writeFileSync(runtimeFile, runtimeText);
// Where each source lies in the bundle, for the frames stacks show of our API calls (source-modules.mjs).
writeFileSync(`${here}/dist/runtime-sections.json`, JSON.stringify(bundleSections(runtimeText)));
// mini trace summary|svg: its own file, read only by that command.
await build({
  entryPoints: [`${here}/src/trace/index.ts`],
  outfile: `${here}/dist/trace.js`,
  bundle: true,
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
await build({
  entryPoints: [`${here}/src/launch.ts`],
  outfile: `${here}/dist/main.js`,
  bundle: true,
  conditions: ['mini-source'],
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
});
// A worker thread's entry: marks the thread, then the same launcher.
await build({
  entryPoints: [`${here}/src/worker.ts`],
  outfile: `${here}/dist/worker.js`,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  logLevel: 'warning',
});
// One run writes the code cache next to the bundle. It exercises what most
// programs touch first (the loop, timers, the thread pool, fs), so those
// functions are compiled into the cache instead of on each program's first use.
// It goes through the launcher: V8 accepts a cache only under the engine
// flags it was made with, and the launcher adds its own.
// The old caches go first: V8 checks a cache against the source's length,
// not its content (launch.ts also compares the bundle's mtime and size).
// Runs with engine flags of their own keep theirs in the -flags files.
for (const name of ['runtime', 'runtime-worker', 'runtime-flags', 'runtime-worker-flags']) {
  rmSync(`${here}/dist/${name}.cache`, { force: true });
}
// Which of node's options take a value as the next argument, for the launcher (bin/mini), which every start reads.
execFileSync(process.execPath, ['--expose-internals', `${here}/node-options.cjs`, `${here}/dist/node-options.sh`], { stdio: 'inherit' });
// The frames this node shows under a program's callbacks, which stacks on mini show in place of our loop's.
execFileSync(process.execPath, [`${here}/node-frames.cjs`, `${here}/dist/node-frames.json`], { stdio: 'inherit' });
const prime = "require('fs').stat('.', () => require('fs').readFile(__filename, () => setTimeout(() => {}, 1)))";
const primeEnv = { ...process.env, MINI_HOST_NODE: process.execPath };
execFileSync(`${here}/bin/mini`, ['-e', prime], { stdio: 'inherit', env: primeEnv });
// Then a worker's cache (written at the worker's own exit): the same work, and a message to its parent.
const primeWorker =
  "require('fs').stat('.', () => require('fs').readFile(__filename, () => setTimeout(() => require('worker_threads').parentPort.postMessage(1), 1)))";
execFileSync(
  `${here}/bin/mini`,
  ['-e', `new (require('worker_threads').Worker)(${JSON.stringify(primeWorker)}, { eval: true }).on('message', () => {})`],
  {
    stdio: 'inherit',
    env: primeEnv,
  },
);
