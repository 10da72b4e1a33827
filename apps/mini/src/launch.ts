/**
 * What the launcher starts: loads the runtime bundle (dist/runtime.js)
 * with a V8 code cache beside it, which saves ~5 ms of compiling at every
 * start. The cache is written after a run that had none, whose cache was
 * made for another bundle, or whose cache V8 rejected (another node);
 * where dist/ is read-only, mini simply runs without one.
 */
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Script } from 'node:vm';

const file = join(__dirname, 'runtime.js');
const cacheFile = join(__dirname, 'runtime.cache');
/**
 * The cache starts with the bundle's mtime and size: V8 checks a cache
 * against the source's length only, so a bundle rebuilt or reinstalled
 * at the same length would otherwise run stale compiled code.
 */
const HEADER = 16;
/**
 * How the bundle's frames read in a program's stack traces: as Node's own
 * internals read (`node:internal/...`), so the filters of test runners and
 * loggers that drop Node's frames drop ours too. MINI_STACK_PATHS=1 shows
 * the bundle's real path instead, for work on mini itself; the code cache
 * holds the name it was made under, so that mode runs without it.
 */
const realPaths = process.env['MINI_STACK_PATHS'] === '1';
const shownName = realPaths ? file : 'node:internal/mini/runtime';
const source = statSync(file);

function readCache(): Buffer | undefined {
  try {
    const saved = readFileSync(cacheFile);
    if (saved.length > HEADER && saved.readDoubleLE(0) === source.mtimeMs && saved.readDoubleLE(8) === source.size) {
      return saved.subarray(HEADER);
    }
  } catch {
    // No cache yet, or an unreadable one: compile.
  }
  return undefined;
}

const cachedData = realPaths ? undefined : readCache();
const script = new Script(Module.wrap(readFileSync(file, 'utf8')), { filename: shownName, cachedData });
if (!realPaths && (cachedData === undefined || script.cachedDataRejected)) {
  // Written at exit, so the cache also holds every function startup compiled.
  process.once('exit', () => {
    try {
      const header = Buffer.alloc(HEADER);
      header.writeDoubleLE(source.mtimeMs, 0);
      header.writeDoubleLE(source.size, 8);
      writeFileSync(cacheFile, Buffer.concat([header, script.createCachedData()]));
    } catch {
      // Read-only install: run without a cache.
    }
  });
}
const wrapper = script.runInThisContext() as (
  exports: object,
  require: NodeJS.Require,
  module: object,
  filename: string,
  dirname: string,
) => void;
const runtimeModule = { exports: {}, filename: file, id: file };
wrapper(runtimeModule.exports, createRequire(file), runtimeModule, file, dirname(file));
