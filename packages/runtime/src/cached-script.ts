/**
 * A script of ours run with a V8 code cache beside it: the runtime bundle
 * at every start (~5 ms of compiling saved) and the fetch bundle on the
 * first fetch. The cache is written at exit after a run that had none,
 * whose cache was made for another source, or whose cache V8 rejected
 * (another node), so it also holds every function that run compiled;
 * where the folder is read-only the script simply runs without one.
 *
 * V8 also rejects a cache made under other engine flags. A run with flags
 * of its own (`mini --expose-gc`) therefore keeps its cache in a file of
 * its own (`runtime-flags.cache` beside `runtime.cache`): sharing one
 * file, that run replaced the cache the build primed, and the next plain
 * run replaced it again with only what it compiled itself (a hello world:
 * no pool, no fs), so a program's first fs call took ~1 ms more after any
 * flagged run (measured). A worker's execArgv stands for the process's
 * flags: a worker given other flags than its process shares a file with
 * the wrong runs, and only loses its cache.
 *
 * Imported by the launcher too, so it uses node's builtins only (and the
 * CommonJS wrapper text, the loader's).
 */
import { isAscii } from 'node:buffer';
import { closeSync, openSync, readFileSync, readSync, statSync, writeFileSync } from 'node:fs';
import { Script } from 'node:vm';
import { LAUNCHER_FLAGS } from './launcher-flags.js';
import { defaultWrapper } from './loader/compile.js';

/**
 * The cache starts with the source's mtime and size: V8 checks a cache
 * against the source's length only, so a file rebuilt or reinstalled at
 * the same length would otherwise run stale compiled code.
 */
const HEADER = 16;

/**
 * MINI_STACK_PATHS=1, for work on mini itself: our scripts' frames show
 * their real paths, and as a cache holds the name it was made under, they
 * run without one.
 */
export const realStackPaths = process.env['MINI_STACK_PATHS'] === '1';

export interface CachedScriptOptions {
  /** The script's file. */
  file: string;
  /** Where its cache lives under the launcher's flags alone (`x.cache`; with other flags, `x-flags.cache`). */
  cacheFile: string;
  /** The name its frames show in stack traces (the file's own path under MINI_STACK_PATHS=1). */
  shownAs: string;
}

function readCache(cacheFile: string, source: { mtimeMs: number; size: number }): Buffer | undefined {
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

/**
 * The script's text inside the CommonJS wrapper, as one flat string. The
 * file is read between the wrapper's two halves in one buffer: `head +
 * text + tail` would be a cons string that V8 flattens, copying the whole
 * ~0.7 MB again, before it looks at the cache (measured in a worker: the
 * compile took 2.2–2.5 ms so, 1.1–1.3 ms from a flat string). Our bundles
 * are ASCII (apps/mini's build escapes what esbuild leaves in comments),
 * and ASCII bytes are their own Latin-1 string, which the host makes ~5x
 * faster than it decodes UTF-8 (0.5 ms against 1.5–6 ms for ~1 MB).
 */
function readWrapped(file: string, size: number): string {
  const [head, tail] = defaultWrapper();
  const bytes = Buffer.allocUnsafe(head.length + size + tail.length);
  bytes.write(head, 0, 'latin1');
  const fd = openSync(file, 'r');
  let read = 0;
  try {
    // Up to the size its stat said (the cache was checked against it), or to its end if it has shrunk since.
    while (read < size) {
      const n = readSync(fd, bytes, head.length + read, size - read, null);
      if (n === 0) break;
      read += n;
    }
  } finally {
    closeSync(fd);
  }
  const end = head.length + read;
  bytes.write(tail, end, 'latin1');
  const text = bytes.subarray(0, end + tail.length);
  return text.toString(isAscii(text) ? 'latin1' : 'utf8');
}

/**
 * Whether the host runs with options beyond the launcher's, on its command
 * line or in NODE_OPTIONS (which the launcher leaves to the host): V8
 * rejects a cache made under other flags. Read once, before the runtime
 * gives the program back a NODE_OPTIONS of its own.
 */
const hostHasFlags = process.execArgv.some((flag) => !LAUNCHER_FLAGS.has(flag)) || (process.env['NODE_OPTIONS'] ?? '').trim() !== '';

/** `cacheFile`, or its sibling for runs whose host has engine flags beyond the launcher's. */
function cacheFileForFlags(cacheFile: string): string {
  return hostHasFlags ? cacheFile.replace(/(\.cache)?$/, '-flags.cache') : cacheFile;
}

/** The CommonJS wrapper function of `file`, compiled through its code cache. */
export function compileCached(options: CachedScriptOptions): (...args: unknown[]) => unknown {
  const source = statSync(options.file);
  const useCache = !realStackPaths;
  const cacheFile = cacheFileForFlags(options.cacheFile);
  const cachedData = useCache ? readCache(cacheFile, source) : undefined;
  const script = new Script(readWrapped(options.file, source.size), {
    filename: realStackPaths ? options.file : options.shownAs,
    cachedData,
  });
  if (useCache && (cachedData === undefined || script.cachedDataRejected === true)) {
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
  return script.runInThisContext() as (...args: unknown[]) => unknown;
}
