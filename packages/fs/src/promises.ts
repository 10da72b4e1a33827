/**
 * node:fs/promises on our loop: the same requests as the callback
 * functions, settled as promises, and FileHandle, an open descriptor whose
 * methods are those requests on its fd.
 *
 * As in Node, a bad argument rejects (these are async functions) rather
 * than throws, a FileHandle used after close rejects with "file closed"
 * (EBADF, the syscall named after the operation), and close() waits for the
 * handle's operations in flight.
 */
import { EventEmitter } from 'node:events';
import type { Dirent, Stats, StatsFs } from 'node:fs';
import { defaultLoop } from '@mini/loop';
import {
  AbortError,
  codedError,
  unistd,
  validateAbortSignal,
  validateBoolean,
  validateInteger,
  validateObject,
  promiseThen,
  ReflectApply,
} from '@mini/sys';
import {
  bytesOf,
  getOptions,
  parseFileMode,
  stringToFlags,
  validateBufferArray,
  validatedPath,
  validateEncoding,
  validateStringAfterArrayBufferView,
  type FsOptions,
} from './args.js';
import * as cbfs from './fs.js';
import { readdirRecursive } from './dirents.js';
import { readFileOnLoop } from './read-file.js';
import * as req from './req.js';

type Callback<T> = cbfs.Callback<T>;

/** Run a callback-style call as a promise; a synchronous throw becomes the rejection, as in an async function. */
function promised<T>(run: (cb: Callback<T>) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    try {
      req.forPromise(() => run((err, value) => (err ? reject(err) : resolve(value as T))));
    } catch (err) {
      reject(err as Error);
    }
  });
}

/** A request answering (err, number) as a promise of nothing. */
function settled(run: (cb: req.FsCallback) => void): Promise<void> {
  return promised<void>((cb) => run((err) => (err !== null ? cb(err) : cb(null))));
}

const loop = () => defaultLoop();

/** Node's kWriteFileMaxChunkSize: promises.writeFile writes this much per request. */
const WRITE_CHUNK = 512 * 1024;

function checkAborted(signal: AbortSignal | undefined): void {
  if (signal?.aborted === true) throw new AbortError(undefined, { cause: signal.reason });
}

function fileClosed(syscall: string): Error {
  return Object.assign(new Error('file closed'), { code: 'EBADF', syscall });
}

interface ReadResult {
  bytesRead: number;
  buffer: ArrayBufferView;
}

let gcDeprecationShown = false;

/**
 * A FileHandle collected while its descriptor is open: Node closes the
 * descriptor synchronously and says so, with a warning and (once) DEP0137.
 */
const unclosed = new FinalizationRegistry<number>((fd) => {
  unistd.close(fd);
  process.emitWarning(`Closing file descriptor ${fd} on garbage collection`);
  if (gcDeprecationShown) return;
  gcDeprecationShown = true;
  process.emitWarning(
    'Closing a FileHandle object on garbage collection is deprecated. Please close FileHandle objects explicitly using FileHandle.prototype.close(). In the future, an error will be thrown if a file descriptor is closed during garbage collection.',
    'DeprecationWarning',
    'DEP0137',
  );
});

/** Node's FileHandle is an EventEmitter by mixin, not by descent: `instanceof EventEmitter` is false. */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type, @typescript-eslint/no-unsafe-declaration-merging
export interface FileHandle extends EventEmitter {}

/** An open file: fs/promises' FileHandle. */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FileHandle {
  private handleFd: number;
  private refs = 1;
  private closePromise: Promise<void> | undefined;
  private closeResolve: (() => void) | undefined;
  private closeReject: ((err: Error) => void) | undefined;

  constructor(fd: number) {
    ReflectApply(EventEmitter, this, []);
    this.handleFd = fd;
    unclosed.register(this, fd, this);
  }

  get fd(): number {
    return this.handleFd;
  }

  getAsyncId(): number {
    return -1;
  }

  /** Node's fsCall: refuse once closed, and count the operation so close() waits for it. */
  private async call<T>(syscall: string, run: (fd: number) => Promise<T>): Promise<T> {
    // Only a descriptor already closed refuses: while close() waits, new operations still run (and delay it).
    if (this.handleFd === -1) throw fileClosed(syscall);
    this.refs++;
    try {
      return await run(this.handleFd);
    } finally {
      this.unref();
    }
  }

  private unref(): void {
    if (--this.refs === 0) {
      const fd = this.handleFd;
      this.handleFd = -1;
      unclosed.unregister(this);
      req.close(loop(), fd, (err) => {
        if (err !== null) this.closeReject!(err);
        else this.closeResolve!();
      });
    }
  }

  close = (): Promise<void> => {
    if (this.handleFd === -1) return Promise.resolve();
    if (this.closePromise !== undefined) return this.closePromise;
    this.closePromise = promiseThen(
      new Promise<void>((resolve, reject) => {
        this.closeResolve = resolve;
        this.closeReject = reject;
      }),
      () => {
        this.closePromise = undefined;
      },
      (err: Error) => {
        this.closePromise = undefined;
        this.refs++;
        throw err;
      },
    );
    this.unref();
    // Emitted as close() is called, as Node does, even while operations in flight delay the close itself.
    this.emit('close');
    return this.closePromise;
  };

  read(bufferOrParams?: unknown, offset?: unknown, length?: unknown, position?: unknown): Promise<ReadResult> {
    return this.call('read', (fd) => readOn(fd, bufferOrParams, offset, length, position));
  }

  readv(buffers: unknown, position?: unknown): Promise<{ bytesRead: number; buffers: ArrayBufferView[] }> {
    return this.call('readv', async (fd) => {
      validateBufferArray(buffers);
      const pos = typeof position === 'number' ? position : -1;
      const bytesRead = await promised<number>((cb) =>
        cbfs.readvOnLoop(fd, buffers, pos, (err, n) => (err !== null ? cb(err) : cb(null, n))),
      );
      return { __proto__: null, bytesRead, buffers } as unknown as { bytesRead: number; buffers: ArrayBufferView[] };
    });
  }

  write(
    buffer: unknown,
    offsetOrOptions?: unknown,
    length?: unknown,
    position?: unknown,
  ): Promise<{ bytesWritten: number; buffer: unknown }> {
    return this.call('write', (fd) => writeOn(fd, buffer, offsetOrOptions, length, position));
  }

  writev(buffers: unknown, position?: unknown): Promise<{ bytesWritten: number; buffers: ArrayBufferView[] }> {
    return this.call('writev', async (fd) => {
      validateBufferArray(buffers);
      const result = (bytesWritten: number) =>
        ({ __proto__: null, bytesWritten, buffers }) as unknown as { bytesWritten: number; buffers: ArrayBufferView[] };
      if (buffers.length === 0) return result(0);
      const pos = typeof position === 'number' ? position : -1;
      const bytes = cbfs.gather(buffers);
      return result(
        await promised<number>((cb) => req.write(loop(), fd, bytes, bytes.length, pos, (err, n) => (err !== null ? cb(err) : cb(null, n)))),
      );
    });
  }

  stat(options?: unknown): Promise<Stats> {
    return this.call('fstat', (fd) => promised<Stats>((cb) => cbfs.fstat(fd, options ?? {}, cb)));
  }

  truncate(len = 0): Promise<void> {
    return this.call('ftruncate', (fd) => promised<void>((cb) => cbfs.ftruncate(fd, len, cb)));
  }

  sync(): Promise<void> {
    return this.call('fsync', (fd) => settled((cb) => req.fsync(loop(), fd, cb)));
  }

  datasync(): Promise<void> {
    return this.call('fdatasync', (fd) => settled((cb) => req.fdatasync(loop(), fd, cb)));
  }

  chmod(mode: unknown): Promise<void> {
    return this.call('fchmod', (fd) => promised<void>((cb) => cbfs.fchmod(fd, mode, cb)));
  }

  chown(uid: unknown, gid: unknown): Promise<void> {
    return this.call('fchown', (fd) => promised<void>((cb) => cbfs.fchown(fd, uid, gid, cb)));
  }

  utimes(atime: unknown, mtime: unknown): Promise<void> {
    return this.call('futimes', (fd) => promised<void>((cb) => cbfs.futimes(fd, atime, mtime, cb)));
  }

  readFile(options?: unknown): Promise<Buffer | string> {
    return this.call('readFile', (fd) => readFd(fd, options));
  }

  writeFile(data: unknown, options?: unknown): Promise<void> {
    return this.call('writeFile', (fd) => {
      const opts = getOptions(options, { encoding: 'utf8' });
      return writeFd(fd, data, opts);
    });
  }

  appendFile(data: unknown, options?: unknown): Promise<void> {
    return this.call('writeFile', (fd) => {
      const opts = getOptions(options, { encoding: 'utf8' });
      return writeFd(fd, data, opts);
    });
  }
}

// `await using`: Node 20 defines Symbol.asyncDispose (its own symbol when V8 has none) and closes the handle.
const asyncDispose = (Symbol as { asyncDispose?: symbol }).asyncDispose;
if (asyncDispose !== undefined) {
  Object.defineProperty(FileHandle.prototype, asyncDispose, {
    async value(this: FileHandle) {
      return this.close();
    },
    writable: true,
    configurable: true,
  });
}

for (const key of Object.getOwnPropertyNames(EventEmitter.prototype)) {
  if (key !== 'constructor')
    Object.defineProperty(FileHandle.prototype, key, Object.getOwnPropertyDescriptor(EventEmitter.prototype, key)!);
}

async function readOn(fd: number, bufferOrParams: unknown, offset: unknown, length: unknown, position: unknown): Promise<ReadResult> {
  let buffer = bufferOrParams;
  let off = offset;
  let len = length;
  let pos = position;
  if (!ArrayBuffer.isView(buffer)) {
    if (bufferOrParams !== undefined) validateObject(bufferOrParams, 'options', { allowNullable: true });
    const p = (bufferOrParams ?? {}) as { buffer?: unknown; offset?: unknown; length?: unknown; position?: unknown };
    buffer = p.buffer ?? Buffer.alloc(16384);
    off = p.offset ?? 0;
    len = p.length ?? (ArrayBuffer.isView(buffer) ? buffer.byteLength - (off as number) : undefined);
    pos = p.position ?? null;
    if (!ArrayBuffer.isView(buffer)) throw codedError('ERR_INVALID_ARG_TYPE', 'buffer', ['Buffer', 'TypedArray', 'DataView'], buffer);
  }
  const view = buffer;
  if (off !== null && typeof off === 'object') {
    const o = off as { offset?: unknown; length?: unknown; position?: unknown };
    off = o.offset ?? 0;
    len = o.length ?? view.byteLength - (off as number);
    pos = o.position ?? null;
  }
  if (off !== null && off !== undefined) validateInteger(off, 'offset', 0);
  const start = (off as number | null | undefined) ?? 0;
  len ??= view.byteLength - start;
  const result = (bytesRead: number) => ({ __proto__: null, bytesRead, buffer: view }) as unknown as ReadResult;
  if (len === 0) return result(0);
  // A position that is no integer (nor bigint) reads from the current offset here, unchecked.
  const r = cbfs.checkRead(view, start, len, typeof pos === 'bigint' || Number.isSafeInteger(pos) ? pos : -1);
  const target = bytesOf(view).subarray(r.offset, r.offset + r.length);
  return result(
    await promised<number>((cb) => req.read(loop(), fd, target, r.length, r.position, (err, n) => (err !== null ? cb(err) : cb(null, n)))),
  );
}

async function writeOn(
  fd: number,
  buffer: unknown,
  offsetOrOptions: unknown,
  length: unknown,
  position: unknown,
): Promise<{ bytesWritten: number; buffer: unknown }> {
  const result = (bytesWritten: number) =>
    ({ __proto__: null, bytesWritten, buffer }) as unknown as { bytesWritten: number; buffer: unknown };
  if (ArrayBuffer.isView(buffer) && buffer.byteLength === 0) return result(0);
  let plan: cbfs.WritePlan;
  if (ArrayBuffer.isView(buffer)) plan = cbfs.planBufferWrite(buffer, offsetOrOptions ?? {}, length, position);
  else {
    validateStringAfterArrayBufferView(buffer, 'buffer');
    validateEncoding(buffer, length);
    plan = cbfs.planStringWrite(buffer, offsetOrOptions, length);
  }
  return result(
    await promised<number>((cb) =>
      req.write(loop(), fd, plan.bytes, plan.bytes.length, plan.position, (err, n) => (err !== null ? cb(err) : cb(null, n))),
    ),
  );
}

async function readFd(fd: number, options: unknown): Promise<Buffer | string> {
  const opts = getOptions(options, { flag: 'r' });
  const signal = opts.signal as AbortSignal | undefined;
  checkAborted(signal);
  const data = await promised<Buffer>((cb) => readFileOnLoop(loop(), fd, { flags: 0, signal, reportAll: true }, cb));
  return opts.encoding !== undefined && opts.encoding !== null ? data.toString(opts.encoding as BufferEncoding) : data;
}

function isIterable(data: unknown): data is Iterable<unknown> | AsyncIterable<unknown> {
  return data !== null && typeof data === 'object' && (Symbol.iterator in data || Symbol.asyncIterator in data);
}

/** writeFileHandle: the data in 512 KiB writes at the file's position, iterables chunk by chunk. */
async function writeFd(fd: number, data: unknown, opts: FsOptions): Promise<void> {
  const signal = opts.signal as AbortSignal | undefined;
  // Nothing to write is no request at all, as in Node's writeFileHandle.
  const writeAll = async (bytes: Uint8Array) => {
    for (let at = 0; at < bytes.length;) {
      checkAborted(signal);
      const chunk = bytes.subarray(at, at + WRITE_CHUNK);
      at += await promised<number>((cb) =>
        req.write(loop(), fd, chunk, chunk.length, -1, (err, w) => (err !== null ? cb(err) : cb(null, w))),
      );
    }
  };
  if (!ArrayBuffer.isView(data) && typeof data !== 'string' && isIterable(data)) {
    for await (const chunk of data) {
      checkAborted(signal);
      await writeAll(cbfs.dataBytes(chunk, opts.encoding));
    }
    return;
  }
  await writeAll(cbfs.dataBytes(data, opts.encoding));
}

/** fsPromises.open(path[, flags[, mode]]). */
export async function open(path: unknown, flags?: unknown, mode?: unknown): Promise<FileHandle> {
  const p = validatedPath(path);
  const fl = stringToFlags(flags);
  const m = parseFileMode(mode, 'mode', 0o666);
  const fd = await promised<number>((cb) => req.open(loop(), p, fl, m, (err, n) => (err !== null ? cb(err) : cb(null, n))));
  return new FileHandle(fd);
}

/** Open, run, and close, the close's error reported only when the run succeeded (Node's handleFdClose). */
async function withFile<T>(path: unknown, flags: unknown, mode: unknown, run: (fh: FileHandle) => Promise<T>): Promise<T> {
  const fh = await open(path, flags, mode);
  let result: T;
  try {
    result = await run(fh);
  } catch (err) {
    await fh.close().catch(() => undefined);
    throw err;
  }
  await fh.close();
  return result;
}

export async function readFile(path: unknown, options?: unknown): Promise<Buffer | string> {
  const opts = getOptions(options, { flag: 'r' });
  if (path instanceof FileHandle) return path.readFile(opts);
  checkAborted(opts.signal as AbortSignal | undefined);
  return withFile(path, opts.flag ?? 'r', 0o666, (fh) => fh.readFile(opts));
}

async function writeFileWith(path: unknown, data: unknown, opts: FsOptions): Promise<void> {
  const flag = opts.flag || 'w';
  const flush = opts.flush ?? false;
  validateBoolean(flush, 'options.flush');
  if (!ArrayBuffer.isView(data) && !(typeof data === 'object' && isIterable(data))) {
    validateStringAfterArrayBufferView(data, 'data');
    data = Buffer.from(data, (opts.encoding || 'utf8') as BufferEncoding);
  }
  validateAbortSignal(opts.signal, 'options.signal');
  if (path instanceof FileHandle) return path.writeFile(data, opts);
  checkAborted(opts.signal as AbortSignal | undefined);
  return withFile(path, flag, opts.mode, async (fh) => {
    await fh.writeFile(data, opts);
    if (flush) await fh.sync();
  });
}

export async function writeFile(path: unknown, data: unknown, options?: unknown): Promise<void> {
  return writeFileWith(path, data, getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'w', flush: false }));
}

export async function appendFile(path: unknown, data: unknown, options?: unknown): Promise<void> {
  const opts = { ...getOptions(options, { encoding: 'utf8', mode: 0o666, flag: 'a' }) };
  if (!opts.flag) opts.flag = 'a';
  return writeFileWith(path, data, opts);
}

export async function stat(path: unknown, options?: unknown): Promise<Stats> {
  return promised((cb) => cbfs.statWith(path, options, cb, false));
}

export async function lstat(path: unknown, options?: unknown): Promise<Stats> {
  return promised((cb) => cbfs.statWith(path, options, cb, true));
}

export async function statfs(path: unknown, options?: unknown): Promise<StatsFs> {
  return promised((cb) => cbfs.statfs(path, options ?? {}, cb));
}

export async function access(path: unknown, mode?: unknown): Promise<void> {
  return promised((cb) => cbfs.access(path, mode, cb));
}

export async function copyFile(src: unknown, dest: unknown, mode?: unknown): Promise<void> {
  return promised((cb) => cbfs.copyFile(src, dest, mode, cb));
}

export async function rename(oldPath: unknown, newPath: unknown): Promise<void> {
  return promised((cb) => cbfs.rename(oldPath, newPath, cb));
}

export async function truncate(path: unknown, len = 0): Promise<void> {
  return withFile(path, 'r+', undefined, (fh) => fh.truncate(len));
}

export async function rm(path: unknown, options?: unknown): Promise<void> {
  return promised((cb) => cbfs.rm(path, options, cb));
}

export async function rmdir(path: unknown, options?: unknown): Promise<void> {
  return promised((cb) => cbfs.rmdir(path, options ?? {}, cb));
}

export async function mkdir(path: unknown, options?: unknown): Promise<string | undefined> {
  return promised((cb) => cbfs.mkdir(path, options ?? {}, cb));
}

export async function readdir(path: unknown, options?: unknown): Promise<(string | Buffer | Dirent)[]> {
  const opts = getOptions(options);
  const p = validatedPath(path);
  if (opts.recursive !== undefined && opts.recursive !== null) validateBoolean(opts.recursive, 'options.recursive');
  if (opts.recursive === true) return readdirRecursive(loop(), p, opts.encoding, opts.withFileTypes === true);
  return promised((cb) => cbfs.readdirWith(p, opts, cb));
}

export async function readlink(path: unknown, options?: unknown): Promise<string | Buffer> {
  // Node 20's promise form names its path "oldPath" in the type error.
  validatedPath(path, 'oldPath');
  return promised((cb) => cbfs.readlink(path, options ?? {}, cb));
}

export async function symlink(target: unknown, path: unknown, type?: unknown): Promise<void> {
  return promised((cb) => cbfs.symlink(target, path, type ?? null, cb));
}

export async function link(existingPath: unknown, newPath: unknown): Promise<void> {
  return promised((cb) => cbfs.link(existingPath, newPath, cb));
}

export async function unlink(path: unknown): Promise<void> {
  return promised((cb) => cbfs.unlink(path, cb));
}

export async function chmod(path: unknown, mode: unknown): Promise<void> {
  return promised((cb) => cbfs.chmod(path, mode, cb));
}

/** Linux has no lchmod: Node's promise form says so. */
export async function lchmod(): Promise<void> {
  throw codedError('ERR_METHOD_NOT_IMPLEMENTED', 'lchmod()');
}

export async function chown(path: unknown, uid: unknown, gid: unknown): Promise<void> {
  return promised((cb) => cbfs.chown(path, uid, gid, cb));
}

export async function lchown(path: unknown, uid: unknown, gid: unknown): Promise<void> {
  return promised((cb) => cbfs.lchown(path, uid, gid, cb));
}

export async function utimes(path: unknown, atime: unknown, mtime: unknown): Promise<void> {
  return promised((cb) => cbfs.utimes(path, atime, mtime, cb));
}

export async function lutimes(path: unknown, atime: unknown, mtime: unknown): Promise<void> {
  return promised((cb) => cbfs.lutimes(path, atime, mtime, cb));
}

export async function realpath(path: unknown, options?: unknown): Promise<string | Buffer> {
  return promised((cb) => cbfs.realpathNative(path, options ?? {}, cb));
}

export async function mkdtemp(prefix: unknown, options?: unknown): Promise<string | Buffer> {
  return promised((cb) => cbfs.mkdtemp(prefix, options ?? {}, cb));
}

/** What of fs/promises runs on our loop. */
export function ourPromises(): Record<string, unknown> {
  return {
    access,
    copyFile,
    open,
    rename,
    truncate,
    rm,
    rmdir,
    mkdir,
    readdir,
    readlink,
    symlink,
    lstat,
    stat,
    statfs,
    link,
    unlink,
    chmod,
    lchmod,
    lchown,
    chown,
    utimes,
    lutimes,
    realpath,
    mkdtemp,
    writeFile,
    appendFile,
    readFile,
  };
}
