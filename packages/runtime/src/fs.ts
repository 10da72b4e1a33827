/**
 * `fs` until the fs package lands.
 *
 * A synchronous fs call is a blocking syscall on the calling thread; no event
 * loop takes part, so the host's sync functions behave exactly as ours would
 * and are used as they are (as are constants and the Stats/Dirent classes).
 * Everything asynchronous must complete on our loop: `readFile` runs on our
 * thread pool; the rest throws ERR_MINI_NOT_IMPLEMENTED rather than
 * silently running on the host's loop.
 */
import hostFs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultLoop, fsWorkModule, queueWork } from '@mini/loop';
import { invalidArgType } from '@mini/sys';
import { MiniNotImplementedError } from './errors.js';

type ReadFileCallback = (err: Error | null, data?: Buffer | string) => void;

function toPath(path: unknown): string {
  if (typeof path === 'string') return path;
  if (Buffer.isBuffer(path)) return path.toString();
  if (path instanceof URL) return fileURLToPath(path);
  throw invalidArgType('path', ['string', 'Buffer', 'URL'], path);
}

function encodingOf(options: unknown): BufferEncoding | undefined {
  if (typeof options === 'string') return options as BufferEncoding;
  if (options !== null && typeof options === 'object') {
    const enc = (options as { encoding?: unknown }).encoding;
    if (typeof enc === 'string') return enc as BufferEncoding;
    if ((options as { signal?: unknown }).signal !== undefined) throw new MiniNotImplementedError('fs.readFile() with a signal');
  }
  return undefined;
}

/** fs.readFile(path[, options], callback): one work item on our pool. */
function readFile(path: unknown, options: unknown, callback?: unknown): void {
  const cb = (typeof options === 'function' && callback === undefined ? options : callback) as ReadFileCallback;
  if (typeof cb !== 'function') throw invalidArgType('cb', 'function', cb);
  const opts = typeof options === 'function' ? undefined : options;
  if (typeof path === 'number') throw new MiniNotImplementedError('fs.readFile() of a file descriptor');
  const file = toPath(path);
  const encoding = encodingOf(opts);
  queueWork(defaultLoop(), { module: fsWorkModule(), fn: 'readFile', args: [file], kind: 'fast-io' }, (err, result) => {
    if (err) return cb(err);
    const bytes = result as Uint8Array;
    const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    cb(null, encoding ? buf.toString(encoding) : buf);
  });
}

function createPromises(): Record<string, unknown> {
  const promises: Record<string, unknown> = {
    readFile(path: unknown, options?: unknown): Promise<Buffer | string> {
      return new Promise((resolve, reject) => {
        readFile(path, options, (err: Error | null, data?: Buffer | string) => (err ? reject(err) : resolve(data!)));
      });
    },
  };
  for (const key of Object.keys(hostFs.promises)) {
    if (!(key in promises)) {
      const value = (hostFs.promises as unknown as Record<string, unknown>)[key];
      promises[key] = typeof value === 'function' ? notImplemented(`promises.${key}`) : value;
    }
  }
  return promises;
}

const KEEP = new Set(['constants', 'F_OK', 'R_OK', 'W_OK', 'X_OK']);

function notImplemented(name: string): () => never {
  const fn = () => {
    throw new MiniNotImplementedError(`fs.${name}()`);
  };
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

export function createFs(): Record<string, unknown> {
  const fs: Record<string, unknown> = {};
  const host = hostFs as unknown as Record<string, unknown>;
  for (const key of Object.keys(host)) {
    if (key === 'promises') continue;
    const value = host[key];
    const keep = KEEP.has(key) || key.endsWith('Sync') || typeof value !== 'function' || /^[A-Z]/.test(key);
    fs[key] = keep ? value : notImplemented(key);
  }
  fs['readFile'] = readFile;
  let promises: Record<string, unknown> | undefined;
  Object.defineProperty(fs, 'promises', { enumerable: true, get: () => (promises ??= createPromises()) });
  return fs;
}
