/**
 * fs.readFile as Node runs it: not one blocking job, but a chain of pool
 * requests, each a turn of the loop, so a huge file never holds a thread
 * for long and a signal can abort between steps.
 *
 *   open ──> fstat ──> read, read, … ──> close ──> callback
 *            │ a regular file: one buffer of its size, filled in 512 KiB reads
 *            └ anything else (size unknown: pipes, /proc): 64 KiB reads until EOF
 *
 * A descriptor passed in is read from its current position and not closed.
 * An error after the open still closes the file, then reports the first
 * error, as Node does. With a descriptor passed in, Node 20 drops a failed
 * read or an abort (its close step forgets the error) and answers what was
 * read so far, without error: so does this. (A failed fstat of such a
 * descriptor is reported, where Node throws a TypeError from Buffer.concat.)
 * An abort is noticed before each read, as Node checks it: after the fstat.
 */
import type { Loop } from '@mini/loop';
import { AbortError, codedError, type SystemError } from '@mini/sys';
import * as req from './req.js';
import type { FsPath } from './req.js';
import { statxIsFile, statxSize } from './stats.js';

/** Node's kReadFileBufferLength: a known size is read this much at a time. */
const READ_CHUNK = 512 * 1024;
/** Node's kReadFileUnknownBufferLength. */
const UNKNOWN_CHUNK = 64 * 1024;
/** Node's kIoMaxLength: a bigger file cannot become one Buffer. */
export const IO_MAX_LENGTH = 2 ** 31 - 1;

export interface ReadFileOptions {
  flags: number;
  signal: AbortSignal | undefined;
  /** For a descriptor passed in: report every failure (FileHandle.readFile), not only the fstat's (fs.readFile). */
  reportAll?: boolean;
}

export type ReadFileCallback = (err: Error | null, data?: Buffer) => void;

class ReadFileContext {
  private readonly loop: Loop;
  private readonly cb: ReadFileCallback;
  private readonly signal: AbortSignal | undefined;
  private fd = -1;
  private readonly ownFd: boolean;
  /** fs.readFile's quirk for a descriptor passed in: failures after its fstat are dropped. */
  private readonly dropErrors: boolean;
  private buffer: Buffer | null = null;
  private chunks: Buffer[] = [];
  private size = 0;
  private pos = 0;
  private err: Error | null = null;

  constructor(loop: Loop, fd: number, ownFd: boolean, signal: AbortSignal | undefined, cb: ReadFileCallback, dropErrors = false) {
    this.loop = loop;
    this.fd = fd;
    this.ownFd = ownFd;
    this.dropErrors = dropErrors;
    this.signal = signal;
    this.cb = cb;
  }

  /** An abort between steps ends the read with Node's AbortError. */
  private aborted(): boolean {
    if (this.signal?.aborted !== true) return false;
    this.finish(new AbortError(undefined, { cause: this.signal.reason }));
    return true;
  }

  stat(): void {
    req.statFd(this.loop, this.fd, (err, stx) => {
      if (err !== null) return this.dropErrors ? this.cb(err) : this.finish(err);
      this.size = statxIsFile(stx) ? statxSize(stx) : 0;
      if (this.size > IO_MAX_LENGTH) return this.finish(codedError('ERR_FS_FILE_TOO_LARGE', this.size));
      if (this.size > 0) this.buffer = Buffer.allocUnsafeSlow(this.size);
      this.read();
    });
  }

  private read(): void {
    if (this.aborted()) return;
    let target: Buffer;
    let length: number;
    if (this.buffer !== null) {
      length = Math.min(READ_CHUNK, this.size - this.pos);
      target = this.buffer.subarray(this.pos, this.pos + length);
    } else {
      length = UNKNOWN_CHUNK;
      target = Buffer.allocUnsafeSlow(UNKNOWN_CHUNK);
    }
    req.read(this.loop, this.fd, target, length, -1, (err, n) => {
      if (err !== null) return this.finish(err);
      if (n === 0) return this.finish(null);
      this.pos += n;
      if (this.buffer === null) this.chunks.push(n === length ? target : target.subarray(0, n));
      else if (this.pos === this.size) return this.finish(null);
      this.read();
    });
  }

  private finish(err: Error | null): void {
    if (this.dropErrors) {
      // Node's close step for a descriptor it does not own: on the next tick, the error forgotten.
      process.nextTick(() => this.deliver());
      return;
    }
    this.err = err;
    if (!this.ownFd) return this.deliver();
    req.close(this.loop, this.fd, (closeErr) => {
      this.err ??= closeErr;
      this.deliver();
    });
  }

  private deliver(): void {
    if (this.err !== null) return this.cb(this.err);
    let data: Buffer;
    if (this.buffer !== null) data = this.pos === this.size ? this.buffer : this.buffer.subarray(0, this.pos);
    else data = Buffer.concat(this.chunks, this.pos);
    this.buffer = null;
    this.chunks = [];
    this.cb(null, data);
  }
}

/** Read the whole file at `path` (or the open descriptor `fd`). */
export function readFileOnLoop(loop: Loop, target: FsPath | number, opts: ReadFileOptions, cb: ReadFileCallback): void {
  if (typeof target === 'number') {
    if (opts.reportAll === true) return new ReadFileContext(loop, target, false, opts.signal, cb).stat();
    // fs.readFile starts from a descriptor on the next tick, as if its open had just completed.
    const context = new ReadFileContext(loop, target, false, opts.signal, cb, true);
    process.nextTick(() => context.stat());
    return;
  }
  req.open(loop, target, opts.flags, 0o666, (err: SystemError | null, fd) => {
    if (err !== null) return cb(err);
    new ReadFileContext(loop, fd, true, opts.signal, cb).stat();
  });
}
