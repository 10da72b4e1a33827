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
 */
import { createInterface, type Interface } from 'node:readline';
import { Readable, Writable, finished, type ReadableOptions, type WritableOptions } from 'node:stream';
import { codedError, validateBoolean, validateFunction, validateInteger, type SystemError } from '@mini/sys';
import { getOptions, validatedFd, validatedPath } from './args.js';
import * as cbfs from './fs.js';
import { FileHandle } from './promises.js';

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

/** What a stream needs from its file, whether it opened it or was given one. */
interface Target {
  path: string | Buffer | undefined;
  fd: number | null;
  handle: FileHandle | undefined;
}

/** Node's importFd and path handling for both stream kinds. */
function target(path: unknown, options: StreamOptions): Target {
  if (options.fs !== undefined) throw codedError('ERR_MINI_NOT_IMPLEMENTED', 'fs streams with a custom { fs }');
  if (options.fd === null || options.fd === undefined) return { path: validatedPath(path), fd: null, handle: undefined };
  if (typeof options.fd === 'number') return { path: undefined, fd: validatedFd(options.fd), handle: undefined };
  if (options.fd instanceof FileHandle) return { path: undefined, fd: options.fd.fd, handle: options.fd };
  throw codedError('ERR_INVALID_ARG_TYPE', 'options.fd', ['number', 'FileHandle'], options.fd);
}

function openStream(stream: ReadStream | WriteStream, cb: Done): void {
  if (typeof stream.fd === 'number') return cb();
  cbfs.open(stream.path, stream.flags, stream.mode, (err: Error | null, fd?: number) => {
    if (err !== null) return cb(err);
    stream.fd = fd!;
    cb();
    stream.emit('open', fd);
    stream.emit('ready');
  });
}

function closeStream(stream: ReadStream | WriteStream, handle: FileHandle | undefined, err: Error | null, flush: boolean, cb: Done): void {
  const fd = stream.fd;
  if (fd === null) return cb(err);
  stream.fd = null;
  const close = () => {
    if (handle !== undefined) {
      handle.close().then(
        () => cb(err),
        (closeErr: Error) => cb(err ?? closeErr),
      );
      return;
    }
    cbfs.close(fd, (closeErr: Error | null) => cb(closeErr ?? err));
  };
  if (!flush) return close();
  cbfs.fsync(fd, (syncErr: Error | null) => {
    err ??= syncErr;
    close();
  });
}

function destroyStream(stream: ReadStream | WriteStream, busy: boolean, close: (err: Error | null) => void, err: Error | null): void {
  if (busy) stream.once(IO_DONE, (ioErr: Error | null) => close(err ?? ioErr));
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

export class ReadStream extends Readable {
  path: string | Buffer | undefined;
  fd: number | null;
  flags: unknown;
  mode: unknown;
  start: number | undefined;
  end: number;
  pos: number | undefined;
  bytesRead = 0;
  private busy = false;
  private readonly handle: FileHandle | undefined;

  constructor(path: unknown, options?: unknown) {
    // Everything is checked before the stream exists: a refused stream must never open its file.
    const opts = { ...getOptions(options, {}) } as StreamOptions & ReadableOptions;
    if (opts.highWaterMark === undefined) opts.highWaterMark = 64 * 1024;
    const t = target(path, opts);
    opts.autoDestroy = opts.autoClose === undefined ? true : Boolean(opts.autoClose);
    const end: unknown = opts.end ?? Infinity;
    const start = opts.start;
    if (start !== undefined) validateInteger(start, 'start', 0);
    if (end !== Infinity) {
      validateInteger(end, 'end', 0);
      if (start !== undefined && (start as number) > end) throw codedError('ERR_OUT_OF_RANGE', 'start', `<= "end" (here: ${end})`, start);
    }
    super(opts);
    this.path = t.path;
    this.fd = t.fd;
    this.handle = t.handle;
    this.flags = opts.flags === undefined ? 'r' : opts.flags;
    this.mode = opts.mode === undefined ? 0o666 : opts.mode;
    this.end = end as number;
    this.start = start as number | undefined;
    this.pos = this.start;
    t.handle?.on('close', () => this.close());
  }

  /** The stream's autoDestroy. */
  declare autoClose: boolean;
  /** True until the file is open. */
  declare readonly pending: boolean;

  override _read(size: number): void {
    const n = this.pos !== undefined ? Math.min(this.end - this.pos + 1, size) : Math.min(this.end - this.bytesRead + 1, size);
    if (n <= 0) {
      this.push(null);
      return;
    }
    const buf = Buffer.allocUnsafeSlow(n);
    this.busy = true;
    cbfs.read(this.fd, buf, 0, n, this.pos ?? null, (err: SystemError | null, got?: number) => {
      this.busy = false;
      if (this.destroyed) {
        this.emit(IO_DONE, err);
        return;
      }
      if (err !== null) {
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
    });
  }

  override _destroy(err: Error | null, cb: Done): void {
    destroyStream(this, this.busy, (e) => closeStream(this, this.handle, e, false, cb), err);
  }

  close(cb?: Done): void {
    if (typeof cb === 'function') finished(this, cb);
    this.destroy();
  }
}

export class WriteStream extends Writable {
  path: string | Buffer | undefined;
  fd: number | null;
  flags: unknown;
  mode: unknown;
  start: number | undefined;
  pos: number | undefined;
  bytesWritten = 0;
  flush: boolean;
  private busy = false;
  private readonly handle: FileHandle | undefined;

  constructor(path: unknown, options?: unknown) {
    const opts = { ...getOptions(options, {}) } as StreamOptions & WritableOptions;
    opts.decodeStrings = true;
    const t = target(path, opts);
    opts.autoDestroy = opts.autoClose === undefined ? true : Boolean(opts.autoClose);
    const start = opts.start;
    if (start !== undefined) validateInteger(start, 'start', 0);
    let flush = false;
    if (opts.flush !== undefined && opts.flush !== null) {
      validateBoolean(opts.flush, 'options.flush');
      flush = opts.flush;
    }
    super(opts);
    this.path = t.path;
    this.fd = t.fd;
    this.handle = t.handle;
    this.flags = opts.flags === undefined ? 'w' : opts.flags;
    this.mode = opts.mode === undefined ? 0o666 : opts.mode;
    this.start = start as number | undefined;
    this.pos = this.start;
    this.flush = flush;
    if (opts.encoding) this.setDefaultEncoding(opts.encoding);
    t.handle?.on('close', () => this.close());
  }

  /** The stream's autoDestroy. */
  declare autoClose: boolean;
  /** True until the file is open. */
  declare readonly pending: boolean;

  /** Node's writeAll: the rest again after a short write, giving up after five writes of nothing. */
  private writeAll(data: Buffer, pos: number | undefined, retries: number, cb: Done): void {
    cbfs.write(this.fd, data, 0, data.length, pos ?? null, (err: SystemError | null, written?: number) => {
      let n = written ?? 0;
      let e: Error | null = err;
      if (err?.code === 'EAGAIN') {
        e = null;
        n = 0;
      }
      if (this.destroyed || e !== null) return cb(e ?? codedError('ERR_STREAM_DESTROYED', 'write'));
      this.bytesWritten += n;
      const tries = n > 0 ? 0 : retries + 1;
      if (tries > 5) cb(new Error('write failed'));
      else if (n < data.length) this.writeAll(data.subarray(n), pos === undefined ? undefined : pos + n, tries, cb);
      else cb();
    });
  }

  private settle(cb: Done): Done {
    this.busy = true;
    return (err) => {
      this.busy = false;
      if (this.destroyed) {
        cb(err);
        this.emit(IO_DONE, err);
        return;
      }
      cb(err);
    };
  }

  override _write(chunk: Buffer, _encoding: BufferEncoding, cb: Done): void {
    this.writeAll(chunk, this.pos, 0, this.settle(cb));
    if (this.pos !== undefined) this.pos += chunk.length;
  }

  override _writev(chunks: { chunk: Buffer }[], cb: Done): void {
    const data = Buffer.concat(chunks.map((c) => c.chunk));
    this.writeAll(data, this.pos, 0, this.settle(cb));
    if (this.pos !== undefined) this.pos += data.length;
  }

  override _destroy(err: Error | null, cb: Done): void {
    destroyStream(this, this.busy, (e) => closeStream(this, this.handle, e, this.flush, cb), err);
  }

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
  }

  destroySoon(): this {
    return this.end();
  }
}

/** What both kinds share: autoClose, pending, and opening the file as the stream is constructed. */
for (const proto of [ReadStream.prototype, WriteStream.prototype]) {
  Object.defineProperties(proto, {
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
      get(this: ReadStream | WriteStream) {
        return this.fd === null;
      },
      configurable: true,
    },
    _construct: {
      value(this: ReadStream | WriteStream, cb: Done) {
        openStream(this, cb);
      },
      writable: true,
      configurable: true,
    },
  });
}

// The bundle may rename a class whose name another module also uses; these names are Node's.
Object.defineProperty(ReadStream, 'name', { value: 'ReadStream' });
Object.defineProperty(WriteStream, 'name', { value: 'WriteStream' });

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
      return createInterface({ input: new ReadStream(undefined, { ...getOptions(options, {}), fd: this }), crlfDelay: Infinity });
    },
    writable: true,
    configurable: true,
  },
});
