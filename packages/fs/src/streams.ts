/**
 * fs.ReadStream and fs.WriteStream: the host's pure-JavaScript
 * stream.Readable and stream.Writable, whose I/O is our open, read, write,
 * writev, fsync and close, so every chunk is a request on our pool.
 *
 *   ReadStream  _construct: open ─> 'open', 'ready'
 *               _read(n):   read of min(n, end - pos + 1) into a fresh buffer
 *                           (shrunk by a copy when short), push; 0 bytes ─> push(null)
 *               _destroy:   waits for a read in flight, then close
 *   WriteStream _write:     write until the whole chunk is written
 *               _writev:    the queued chunks in one write
 *               _destroy:   waits for a write in flight, then (flush: fsync,) close
 *
 * As in Node, a descriptor given in `fd` is used as it is (a FileHandle's
 * is closed through the handle), `autoClose` is the stream's autoDestroy,
 * and the buffer sizes and positions follow Node's rules exactly, since
 * they decide how many requests a stream makes and what each 'data' holds.
 *
 * The constructors are functions, not classes, because code written for
 * Node calls them on an object of its own (graceful-fs does
 * `ReadStream.apply(this, arguments)` for its subclass and replaces
 * `open()`, which _construct then honours as Node does); `options.fs`
 * replaces the calls the stream makes.
 */
import type { Interface } from 'node:readline';
import { Readable, Writable, finished, type ReadableOptions, type WritableOptions } from 'node:stream';
import { deprecate } from 'node:util';
import { defaultLoop } from '@mini/loop';
import { codedError, validateBoolean, validateFunction, validateInteger, type SystemError, promiseThen, ReflectApply } from '@mini/sys';
import { getOptions, validatedFd, validatedPath } from './args.js';
import * as cbfs from './fs.js';
import { FileHandle } from './promises.js';
import * as req from './req.js';

type Done = (err?: Error | null) => void;

/** Emitted when a read or write in flight ends, so destroy can close the fd safely. */
const IO_DONE = Symbol('kIoDone');

interface StreamOptions {
  fd?: unknown;
  flags?: unknown;
  mode?: unknown;
  start?: unknown;
  end?: unknown;
  autoClose?: unknown;
  highWaterMark?: number;
  encoding?: BufferEncoding;
  flush?: unknown;
  emitClose?: boolean;
  signal?: AbortSignal;
  fs?: unknown;
}

/** The calls a stream makes, ours unless `options.fs` gives others. */
interface StreamFs {
  open: (...args: never[]) => void;
  read?: (...args: never[]) => void;
  write?: (...args: never[]) => void;
  writev?: (...args: never[]) => void;
  fsync?: (...args: never[]) => void;
  close: (...args: never[]) => void;
}

type CallbackCall = (...args: unknown[]) => void;

const OUR_FS: StreamFs = { open: cbfs.open, read: cbfs.read, write: cbfs.write, writev: cbfs.writev, fsync: cbfs.fsync, close: cbfs.close };

const kFs = Symbol('kFs');
const kBusy = Symbol('kIsPerformingIO');
const kHandle = Symbol('kHandle');

interface FileStreamState {
  [kFs]: StreamFs;
  [kBusy]: boolean;
  [kHandle]: FileHandle | undefined;
  path: string | Buffer | undefined;
  fd: number | null;
  flags: unknown;
  mode: unknown;
}

function call(stream: FileStreamState, name: keyof StreamFs, ...args: unknown[]): void {
  (stream[kFs][name] as CallbackCall)(...args);
}

/** What a stream needs from its file, whether it opened it or was given one. */
interface Target {
  path: string | Buffer | undefined;
  fd: number | null;
  handle: FileHandle | undefined;
}

/** Node's importFd and path handling for both stream kinds. */
function target(path: unknown, options: StreamOptions): Target {
  if (options.fd === null || options.fd === undefined) return { path: validatedPath(path), fd: null, handle: undefined };
  if (typeof options.fd === 'number') return { path: undefined, fd: validatedFd(options.fd), handle: undefined };
  if (options.fd instanceof FileHandle) return { path: undefined, fd: options.fd.fd, handle: options.fd };
  throw codedError('ERR_INVALID_ARG_TYPE', 'options.fd', ['number', 'FileHandle'], options.fd);
}

/** Node's open() of each kind: deprecated, and doing nothing; a replacement is the legacy way to open. */
const openReadFs = deprecate(() => {}, 'ReadStream.prototype.open() is deprecated', 'DEP0135');
const openWriteFs = deprecate(() => {}, 'WriteStream.prototype.open() is deprecated', 'DEP0135');

type FileStream = (Readable | Writable) & FileStreamState & { open: () => void };

function openStream(stream: FileStream, cb: Done): void {
  if (typeof stream.fd === 'number') return cb();
  if (stream.open !== openReadFs && stream.open !== openWriteFs) {
    // A replaced open() reports through 'open' or 'error': those end construction.
    const emit = stream.emit;
    stream.emit = function (this: FileStream, event: string | symbol, ...args: unknown[]): boolean {
      if (event === 'open') {
        this.emit = emit;
        cb();
        return ReflectApply(emit, this, [event, ...args]) as boolean;
      }
      if (event === 'error') {
        this.emit = emit;
        cb(args[0] as Error);
        return false;
      }
      return ReflectApply(emit, this, [event, ...args]) as boolean;
    };
    stream.open();
    return;
  }
  call(stream, 'open', stream.path, stream.flags, stream.mode, (err: Error | null, fd?: number) => {
    if (err) return cb(err);
    stream.fd = fd!;
    cb();
    stream.emit('open', fd);
    stream.emit('ready');
  });
}

function closeStream(stream: FileStream, err: Error | null, flush: boolean, cb: Done): void {
  const fd = stream.fd;
  if (fd === null) return cb(err);
  stream.fd = null;
  const handle = stream[kHandle];
  const close = () => {
    if (handle !== undefined) {
      promiseThen(
        handle.close(),
        () => cb(err),
        (closeErr: Error) => cb(err ?? closeErr),
      );
      return;
    }
    call(stream, 'close', fd, (closeErr: Error | null) => cb(closeErr ?? err));
  };
  if (!flush) return close();
  call(stream, 'fsync', fd, (syncErr: Error | null) => {
    err ??= syncErr;
    close();
  });
}

function destroyStream(stream: FileStream, close: (err: Error | null) => void, err: Error | null): void {
  if (stream[kBusy]) stream.once(IO_DONE, (ioErr: Error | null) => close(err ?? ioErr));
  else close(err);
}

/** The state object stream.Readable and Writable keep: autoClose is its autoDestroy. */
interface StreamState {
  autoDestroy: boolean;
}

function stateOf(stream: Readable | Writable): StreamState {
  const s = stream as unknown as { _readableState?: StreamState; _writableState?: StreamState };
  return (s._readableState ?? s._writableState)!;
}

/** Node's validation of `options.fs`: the calls this kind of stream makes must be functions. */
function streamFs(options: StreamOptions, writing: boolean, flush: boolean): StreamFs {
  if (options.fs === undefined || options.fs === null) return OUR_FS;
  const custom = options.fs as Partial<StreamFs>;
  validateFunction(custom.open, 'options.fs.open');
  if (!writing) validateFunction(custom.read, 'options.fs.read');
  else {
    if (!custom.write && !custom.writev) throw codedError('ERR_INVALID_ARG_TYPE', 'options.fs.write', 'function', custom.write);
    if (custom.write) validateFunction(custom.write, 'options.fs.write');
    if (custom.writev) validateFunction(custom.writev, 'options.fs.writev');
    if (flush) validateFunction(custom.fsync, 'options.fs.fsync');
  }
  validateFunction(custom.close, 'options.fs.close');
  return custom as StreamFs;
}

export interface ReadStream extends Readable, FileStreamState {
  start: number | undefined;
  end: number;
  pos: number | undefined;
  bytesRead: number;
  /** The stream's autoDestroy. */
  autoClose: boolean;
  /** True until the file is open. */
  readonly pending: boolean;
  open(): void;
  close(cb?: Done): void;
}

interface ReadStreamConstructor {
  new (path: unknown, options?: unknown): ReadStream;
  (path: unknown, options?: unknown): ReadStream;
  prototype: ReadStream;
}

export const ReadStream = function ReadStream(this: ReadStream | undefined, path: unknown, options?: unknown): ReadStream | void {
  if (!(this instanceof ReadStream)) return new (ReadStream as unknown as ReadStreamConstructor)(path, options);
  // Everything is checked before the stream exists: a refused stream must never open its file.
  const opts = { ...getOptions(options, {}) } as StreamOptions & ReadableOptions;
  if (opts.highWaterMark === undefined) opts.highWaterMark = 64 * 1024;
  const fs = streamFs(opts, false, false);
  const t = target(path, opts);
  opts.autoDestroy = opts.autoClose === undefined ? true : Boolean(opts.autoClose);
  const end: unknown = opts.end ?? Infinity;
  const start = opts.start;
  if (start !== undefined) validateInteger(start, 'start', 0);
  if (end !== Infinity) {
    validateInteger(end, 'end', 0);
    if (start !== undefined && (start as number) > end) throw codedError('ERR_OUT_OF_RANGE', 'start', `<= "end" (here: ${end})`, start);
  }
  ReflectApply(Readable as unknown as CallbackCall, this, [opts]);
  this[kFs] = fs;
  this[kBusy] = false;
  this[kHandle] = t.handle;
  this.bytesRead = 0;
  this.path = t.path;
  this.fd = t.fd;
  this.flags = opts.flags === undefined ? 'r' : opts.flags;
  this.mode = opts.mode === undefined ? 0o666 : opts.mode;
  this.end = end as number;
  this.start = start as number | undefined;
  this.pos = this.start;
  t.handle?.on('close', () => this.close());
} as unknown as ReadStreamConstructor;

Object.setPrototypeOf(ReadStream.prototype, Readable.prototype);
Object.setPrototypeOf(ReadStream, Readable);

const readMethods: ThisType<ReadStream> & Record<string, unknown> = {
  open: openReadFs,

  _read(size: number): void {
    const n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, size) : Math.min(this.end - this.bytesRead + 1, size);
    if (n <= 0) {
      this.push(null);
      return;
    }
    const buf = Buffer.allocUnsafeSlow(n);
    this[kBusy] = true;
    const done = (err: SystemError | null, got?: number) => {
      this[kBusy] = false;
      if (this.destroyed) {
        this.emit(IO_DONE, err);
        return;
      }
      if (err) {
        this.destroy(err);
        return;
      }
      if (got! > 0) {
        if (this.pos !== undefined) this.pos += got!;
        this.bytesRead += got!;
        let chunk = buf;
        // A short read is copied out, so a small chunk does not keep the large buffer alive.
        if (got !== buf.length) {
          chunk = Buffer.allocUnsafeSlow(got!);
          buf.copy(chunk, 0, 0, got);
        }
        this.push(chunk);
      } else {
        this.push(null);
      }
    };
    // Our own read takes these arguments as they are (an open fd, a whole
    // fresh buffer, a position or the file's own): straight to the request,
    // without fs.read's checks and views, once per chunk.
    if (this[kFs] === OUR_FS) req.read(defaultLoop(), this.fd!, buf, n, this.pos ?? -1, done);
    else call(this, 'read', this.fd, buf, 0, n, this.pos ?? null, done);
  },

  _destroy(err: Error | null, cb: Done): void {
    destroyStream(this as FileStream, (e) => closeStream(this as FileStream, e, false, cb), err);
  },

  close(cb?: Done): void {
    if (typeof cb === 'function') finished(this, cb);
    this.destroy();
  },
};

export interface WriteStream extends Writable, FileStreamState {
  start: number | undefined;
  pos: number | undefined;
  bytesWritten: number;
  flush: boolean;
  /** The stream's autoDestroy. */
  autoClose: boolean;
  /** True until the file is open. */
  readonly pending: boolean;
  open(): void;
  close(cb?: Done): void;
  destroySoon(): WriteStream;
}

interface WriteStreamConstructor {
  new (path: unknown, options?: unknown): WriteStream;
  (path: unknown, options?: unknown): WriteStream;
  prototype: WriteStream;
}

export const WriteStream = function WriteStream(this: WriteStream | undefined, path: unknown, options?: unknown): WriteStream | void {
  if (!(this instanceof WriteStream)) return new (WriteStream as unknown as WriteStreamConstructor)(path, options);
  const opts = { ...getOptions(options, {}) } as StreamOptions & WritableOptions;
  opts.decodeStrings = true;
  const fs = streamFs(opts, true, opts.flush === true);
  const t = target(path, opts);
  opts.autoDestroy = opts.autoClose === undefined ? true : Boolean(opts.autoClose);
  const start = opts.start;
  if (start !== undefined) validateInteger(start, 'start', 0);
  let flush = false;
  if (opts.flush !== undefined && opts.flush !== null) {
    validateBoolean(opts.flush, 'options.flush');
    flush = opts.flush;
  }
  // A custom fs with only one of write and writev: the stream uses that one alone.
  if (!fs.write) (this as unknown as { _write: null })._write = null;
  if (!fs.writev) (this as unknown as { _writev: null })._writev = null;
  ReflectApply(Writable as unknown as CallbackCall, this, [opts]);
  this[kFs] = fs;
  this[kBusy] = false;
  this[kHandle] = t.handle;
  this.bytesWritten = 0;
  this.path = t.path;
  this.fd = t.fd;
  this.flags = opts.flags === undefined ? 'w' : opts.flags;
  this.mode = opts.mode === undefined ? 0o666 : opts.mode;
  this.start = start as number | undefined;
  this.pos = this.start;
  this.flush = flush;
  if (opts.encoding) this.setDefaultEncoding(opts.encoding);
  t.handle?.on('close', () => this.close());
} as unknown as WriteStreamConstructor;

Object.setPrototypeOf(WriteStream.prototype, Writable.prototype);
Object.setPrototypeOf(WriteStream, Writable);

/** Node's writeAll: the rest again after a short write, giving up after five writes of nothing. */
function writeAll(stream: WriteStream, data: Buffer, pos: number | undefined, retries: number, cb: Done): void {
  call(stream, 'write', stream.fd, data, 0, data.length, pos ?? null, (err: SystemError | null, written?: number) => {
    let n = written ?? 0;
    let e: Error | null = err ?? null;
    if (err?.code === 'EAGAIN') {
      e = null;
      n = 0;
    }
    if (stream.destroyed || e !== null) return cb(e ?? codedError('ERR_STREAM_DESTROYED', 'write'));
    stream.bytesWritten += n;
    const tries = n > 0 ? 0 : retries + 1;
    if (tries > 5) cb(new Error('write failed'));
    else if (n < data.length) writeAll(stream, data.subarray(n), pos === undefined ? undefined : pos + n, tries, cb);
    else cb();
  });
}

/** A write's completion: a stream destroyed meanwhile is told it may close the fd now. */
function settle(stream: WriteStream, cb: Done): Done {
  stream[kBusy] = true;
  return (err) => {
    stream[kBusy] = false;
    cb(err);
    if (stream.destroyed) stream.emit(IO_DONE, err);
  };
}

const writeMethods: ThisType<WriteStream> & Record<string, unknown> = {
  open: openWriteFs,

  _write(chunk: Buffer, _encoding: BufferEncoding, cb: Done): void {
    writeAll(this, chunk, this.pos, 0, settle(this, cb));
    if (this.pos !== undefined) this.pos += chunk.length;
  },

  _writev(chunks: { chunk: Buffer }[], cb: Done): void {
    const list = chunks.map((c) => c.chunk);
    let size = 0;
    for (const c of list) size += c.length;
    const done = settle(this, cb);
    call(this, 'writev', this.fd, list, this.pos ?? null, (err: SystemError | null, written?: number) => {
      if (this.destroyed || err) return done(err ?? codedError('ERR_STREAM_DESTROYED', 'writev'));
      this.bytesWritten += written ?? 0;
      // A short vector write: the rest as one buffer, as Node's writevAll goes on with write.
      if ((written ?? 0) < size) {
        const rest = Buffer.concat(list).subarray(written ?? 0);
        return writeAll(this, rest, this.pos === undefined ? undefined : this.pos - rest.length, 0, done);
      }
      done();
    });
    if (this.pos !== undefined) this.pos += size;
  },

  _destroy(err: Error | null, cb: Done): void {
    destroyStream(this as FileStream, (e) => closeStream(this as FileStream, e, this.flush, cb), err);
  },

  close(cb?: Done): void {
    if (cb !== undefined) {
      validateFunction(cb, 'cb');
      if (this.closed) {
        process.nextTick(cb);
        return;
      }
      this.on('close', cb);
    }
    // Without autoClose the fd is closed once everything is written.
    if (!this.autoClose) this.on('finish', () => this.destroy());
    this.end();
  },

  destroySoon(): WriteStream {
    return this.end();
  },
};

for (const [ctor, methods] of [
  [ReadStream, readMethods],
  [WriteStream, writeMethods],
] as const) {
  for (const [key, value] of Object.entries(methods)) {
    Object.defineProperty(ctor.prototype, key, { value, writable: true, configurable: true });
  }
  Object.defineProperties(ctor.prototype, {
    // What both kinds share: autoClose, pending, and opening the file as the stream is constructed.
    autoClose: {
      get(this: Readable | Writable) {
        return stateOf(this).autoDestroy;
      },
      set(this: Readable | Writable, value: boolean) {
        stateOf(this).autoDestroy = value;
      },
      configurable: true,
    },
    pending: {
      get(this: FileStream) {
        return this.fd === null;
      },
      configurable: true,
    },
    _construct: {
      value(this: FileStream, cb: Done) {
        openStream(this, cb);
      },
      writable: true,
      configurable: true,
    },
  });
}

export function createReadStream(path: unknown, options?: unknown): ReadStream {
  return new ReadStream(path, options);
}

export function createWriteStream(path: unknown, options?: unknown): WriteStream {
  return new WriteStream(path, options);
}

/** FileHandle's stream methods live here, beside the classes they build. */
Object.defineProperties(FileHandle.prototype, {
  createReadStream: {
    value(this: FileHandle, options?: unknown): ReadStream {
      return new ReadStream(undefined, { ...getOptions(options, {}), fd: this });
    },
    writable: true,
    configurable: true,
  },
  createWriteStream: {
    value(this: FileHandle, options?: unknown): WriteStream {
      return new WriteStream(undefined, { ...getOptions(options, {}), fd: this });
    },
    writable: true,
    configurable: true,
  },
  readLines: {
    value(this: FileHandle, options?: unknown): Interface {
      // Loaded here, not with fs: node:readline is loaded once, and the
      // runtime loads it with our timers in place (net's tty.ts).
      const { createInterface } = require('node:readline') as typeof import('node:readline');
      return createInterface({ input: new ReadStream(undefined, { ...getOptions(options, {}), fd: this }), crlfDelay: Infinity });
    },
    writable: true,
    configurable: true,
  },
});

// A bundle renames these when another module has a ReadStream or
// WriteStream (tty has); Node's names show in inspect output and errors.
Object.defineProperty(ReadStream, 'name', { value: 'ReadStream' });
Object.defineProperty(WriteStream, 'name', { value: 'WriteStream' });
