/**
 * node:fs on our loop.
 *
 * A synchronous call is a blocking syscall on the calling thread with no
 * loop taking part, so the host's sync functions behave exactly as ours
 * would and are used as they are (as are constants and the Stats/Dirent
 * classes). Everything asynchronous completes on our loop: the calls below
 * run on our thread pool; the rest throws ERR_MINI_NOT_IMPLEMENTED rather
 * than silently running on the host's loop.
 */
import hostFs, { type Stats } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defaultLoop } from '@mini/loop';
import { AbortError, codedError, codedErrorFromNative, validateAbortSignal, validateFunction, type SystemError } from '@mini/sys';
import { readFileOnLoop } from './read-file.js';
import * as req from './req.js';
import { bigIntStatsFromStatx, statsFromStatx } from './stats.js';

type Callback<T> = (err: Error | null, value?: T) => void;

/** Node's getValidatedPath: a string, Buffer or file: URL, without NUL bytes. */
export function validatedPath(value: unknown, name = 'path'): string | Buffer {
  let path = value;
  if (path instanceof URL) {
    if (path.protocol !== 'file:') throw codedError('ERR_INVALID_URL_SCHEME', 'file');
    path = fileURLToPath(path);
  }
  if (typeof path === 'string') {
    if (path.includes('\u0000'))
      throw codedError('ERR_INVALID_ARG_VALUE', name, path, 'must be a string, Uint8Array, or URL without null bytes');
    return path;
  }
  if (path instanceof Uint8Array) {
    if (path.includes(0)) throw codedError('ERR_INVALID_ARG_VALUE', name, path, 'must be a string, Uint8Array, or URL without null bytes');
    return Buffer.from(path.buffer, path.byteOffset, path.byteLength);
  }
  throw codedError('ERR_INVALID_ARG_TYPE', name, ['string', 'Buffer', 'URL'], path);
}

/** fstat's fd check: Node 20 makes it in C++, whose errors carry no "[code]" in their name. */
function validateFd(fd: unknown): number {
  if (typeof fd !== 'number') throw codedErrorFromNative('ERR_INVALID_ARG_TYPE', 'fd', 'number', fd);
  if (!Number.isInteger(fd)) throw codedErrorFromNative('ERR_OUT_OF_RANGE', 'fd', 'an integer', fd);
  if (fd < 0 || fd > 2147483647) throw codedErrorFromNative('ERR_OUT_OF_RANGE', 'fd', '>= 0 && <= 2147483647', fd);
  return fd;
}

/** Node's stringToFlags for the flags readFile accepts. */
const FLAGS: Record<string, number> = (() => {
  const { O_RDONLY, O_RDWR, O_WRONLY, O_CREAT, O_TRUNC, O_APPEND, O_EXCL, O_SYNC } = hostFs.constants;
  return {
    r: O_RDONLY,
    rs: O_RDONLY | O_SYNC,
    sr: O_RDONLY | O_SYNC,
    'r+': O_RDWR,
    'rs+': O_RDWR | O_SYNC,
    'sr+': O_RDWR | O_SYNC,
    w: O_TRUNC | O_CREAT | O_WRONLY,
    wx: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
    xw: O_TRUNC | O_CREAT | O_WRONLY | O_EXCL,
    'w+': O_TRUNC | O_CREAT | O_RDWR,
    'wx+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
    'xw+': O_TRUNC | O_CREAT | O_RDWR | O_EXCL,
    a: O_APPEND | O_CREAT | O_WRONLY,
    ax: O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
    xa: O_APPEND | O_CREAT | O_WRONLY | O_EXCL,
    as: O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
    sa: O_APPEND | O_CREAT | O_WRONLY | O_SYNC,
    'a+': O_APPEND | O_CREAT | O_RDWR,
    'ax+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
    'xa+': O_APPEND | O_CREAT | O_RDWR | O_EXCL,
    'as+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
    'sa+': O_APPEND | O_CREAT | O_RDWR | O_SYNC,
  };
})();

function stringToFlags(flag: unknown, name: string): number {
  if (typeof flag === 'number') return flag;
  if (flag === undefined || flag === null) return FLAGS['r']!;
  if (typeof flag === 'string' && Object.hasOwn(FLAGS, flag)) return FLAGS[flag]!;
  throw codedError('ERR_INVALID_ARG_VALUE', name, flag);
}

interface ReadFileOpts {
  encoding: BufferEncoding | undefined;
  flag: unknown;
  signal: AbortSignal | undefined;
}

/** Node's getOptions(options, { flag: 'r' }) with the encoding and signal checked. */
function readFileOptions(options: unknown): ReadFileOpts {
  let encoding: unknown;
  let flag: unknown;
  let signal: unknown;
  if (options === null || options === undefined || typeof options === 'function') {
    // defaults
  } else if (typeof options === 'string') {
    encoding = options;
  } else if (typeof options === 'object') {
    ({ encoding, flag, signal } = options as { encoding?: unknown; flag?: unknown; signal?: unknown });
  } else {
    throw codedError('ERR_INVALID_ARG_TYPE', 'options', ['string', 'Object'], options);
  }
  if (encoding !== undefined && encoding !== null && encoding !== 'buffer' && !Buffer.isEncoding(String(encoding))) {
    throw codedError('ERR_INVALID_ARG_VALUE', 'encoding', encoding, 'is invalid encoding');
  }
  validateAbortSignal(signal, 'options.signal');
  // 'buffer' passes the check, as in Node, and then fails to decode (below).
  const enc = encoding === undefined || encoding === null ? undefined : (encoding as BufferEncoding);
  return { encoding: enc, flag, signal: signal as AbortSignal | undefined };
}

function readFileWith(path: unknown, opts: ReadFileOpts, cb: Callback<Buffer | string>): void {
  const done = (err: Error | null, data?: Buffer) => {
    if (err !== null) return cb(err);
    if (opts.encoding === undefined) return cb(null, data);
    let text: string;
    try {
      text = data!.toString(opts.encoding);
    } catch (decodeErr) {
      return cb(decodeErr as Error);
    }
    cb(null, text);
  };
  if (typeof path === 'number' && (path | 0) === path) {
    readFileOnLoop(defaultLoop(), path, { flags: 0, signal: opts.signal }, done);
    return;
  }
  if (opts.signal?.aborted === true) {
    process.nextTick(cb, new AbortError(undefined, { cause: opts.signal.reason }));
    return;
  }
  const flags = stringToFlags(opts.flag, 'flags');
  const file = validatedPath(path);
  readFileOnLoop(defaultLoop(), file, { flags, signal: opts.signal }, done);
}

/** fs.readFile(path[, options], callback). */
export function readFile(path: unknown, options: unknown, callback?: unknown): void {
  const cb = callback ?? options;
  validateFunction(cb, 'cb');
  readFileWith(path, readFileOptions(options), cb as Callback<Buffer | string>);
}

function wantsBigint(options: unknown): boolean {
  return options !== null && typeof options === 'object' && (options as { bigint?: unknown }).bigint === true;
}

function deliverStats(bigint: boolean, cb: Callback<Stats>): req.StatxCallback {
  return (err: SystemError | null, stx: Uint8Array) => {
    if (err !== null) return cb(err);
    // Decoded before the user's callback runs: the buffer goes back to its slab after this.
    const stats = bigint ? (bigIntStatsFromStatx(stx) as unknown as Stats) : statsFromStatx(stx);
    cb(null, stats);
  };
}

function statWith(path: unknown, options: unknown, cb: Callback<Stats>, noFollow: boolean): void {
  const file = validatedPath(path);
  req.statPath(defaultLoop(), file, noFollow, deliverStats(wantsBigint(options), cb));
}

/** fs.stat(path[, options], callback). */
export function stat(path: unknown, options: unknown, callback?: unknown): void {
  const cb = typeof options === 'function' ? options : callback;
  validateFunction(cb, 'cb');
  statWith(path, options, cb as Callback<Stats>, false);
}

/** fs.lstat(path[, options], callback). */
export function lstat(path: unknown, options: unknown, callback?: unknown): void {
  const cb = typeof options === 'function' ? options : callback;
  validateFunction(cb, 'cb');
  statWith(path, options, cb as Callback<Stats>, true);
}

/** fs.fstat(fd[, options], callback). */
export function fstat(fd: unknown, options: unknown, callback?: unknown): void {
  const cb = typeof options === 'function' ? options : callback;
  validateFunction(cb, 'cb');
  const n = validateFd(fd);
  req.statFd(defaultLoop(), n, deliverStats(wantsBigint(options), cb as Callback<Stats>));
}

function promised<T>(run: (cb: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => run((err, value) => (err ? reject(err) : resolve(value as T))));
}

/** fs.promises: what runs on our pool; the rest refuses clearly. */
function createPromises(): Record<string, unknown> {
  const promises: Record<string, unknown> = {
    readFile(path: unknown, options?: unknown): Promise<Buffer | string> {
      try {
        const opts = readFileOptions(options);
        return promised((cb) => readFileWith(path, opts, cb));
      } catch (err) {
        return Promise.reject(err as Error);
      }
    },
    stat: (path: unknown, options?: unknown) => promisedStat(path, options, false),
    lstat: (path: unknown, options?: unknown) => promisedStat(path, options, true),
  };
  for (const key of Object.keys(hostFs.promises)) {
    if (!(key in promises)) {
      const value = (hostFs.promises as unknown as Record<string, unknown>)[key];
      promises[key] = typeof value === 'function' ? notImplemented(`promises.${key}`) : value;
    }
  }
  return promises;
}

function promisedStat(path: unknown, options: unknown, noFollow: boolean): Promise<Stats> {
  try {
    return promised((cb) => statWith(path, options, cb, noFollow));
  } catch (err) {
    return Promise.reject(err as Error);
  }
}

/** Host values kept as they are: no loop behind them. */
const KEEP = new Set(['constants', 'F_OK', 'R_OK', 'W_OK', 'X_OK', 'Stats', 'Dirent']);

/** Kept unless it is a function that would do its work on the host's loop. */
function keepHost(key: string, desc: PropertyDescriptor): boolean {
  if (KEEP.has(key) || key.endsWith('Sync')) return true;
  // An accessor (ReadStream, WriteStream…) is a lazily loaded host class whose
  // I/O runs on the host's loop: refused like any other such function.
  return desc.get === undefined && typeof desc.value !== 'function';
}

function notImplemented(name: string): () => never {
  const fn = () => {
    throw codedError('ERR_MINI_NOT_IMPLEMENTED', `fs.${name}()`);
  };
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

/** The node:fs module object. */
export function createFs(): Record<string, unknown> {
  const fs: Record<string, unknown> = {};
  // Descriptors, not values: reading a lazy getter would load host code for nothing.
  const host = Object.getOwnPropertyDescriptors(hostFs);
  for (const [key, desc] of Object.entries(host)) {
    if (key === 'promises' || !desc.enumerable) continue;
    if (!keepHost(key, desc)) fs[key] = notImplemented(key);
    else if (desc.get !== undefined) Object.defineProperty(fs, key, { enumerable: true, configurable: true, get: desc.get.bind(hostFs) });
    else fs[key] = desc.value;
  }
  Object.assign(fs, { readFile, stat, lstat, fstat });
  let promises: Record<string, unknown> | undefined;
  Object.defineProperty(fs, 'promises', { enumerable: true, get: () => (promises ??= createPromises()) });
  return fs;
}
