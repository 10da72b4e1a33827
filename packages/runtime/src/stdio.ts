/**
 * process.stdout / process.stderr written with write(2) by us.
 *
 * Node writes to files and pipes synchronously on Linux, so a process that
 * exits right after a console.log still prints everything; we do the same.
 * A descriptor someone else made non-blocking may answer EAGAIN: we wait for
 * it rather than drop output.
 */
import { fstatSync } from 'node:fs';
import { Writable } from 'node:stream';
import { UV_EAGAIN, UV_EINTR, errnoException, lastError, unistd } from '@mini/sys';

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** Write all of `buf` to `fd`, blocking until done. Returns 0, or the negative errno that stopped it (UV_EPIPE, UV_EBADF…). */
export function writeAllSync(fd: number, buf: Uint8Array): number {
  let off = 0;
  while (off < buf.length) {
    const chunk = off === 0 ? buf : buf.subarray(off);
    const n = unistd.write(fd, chunk, chunk.length);
    if (n >= 0) {
      off += n;
      continue;
    }
    const errno = lastError();
    if (errno === UV_EINTR) continue;
    if (errno === UV_EAGAIN) {
      Atomics.wait(sleepCell, 0, 0, 1);
      continue;
    }
    return errno;
  }
  return 0;
}

export class FdWriteStream extends Writable {
  readonly fd: number;
  readonly isTTY: boolean;
  readonly _type: 'tty' | 'fs' | 'pipe';

  constructor(fd: number, type?: 'tty' | 'fs' | 'pipe') {
    super({ decodeStrings: false, emitClose: false, autoDestroy: false });
    this.fd = fd;
    this.isTTY = unistd.isatty(fd) === 1;
    this._type = type ?? (this.isTTY ? 'tty' : 'pipe');
  }

  get columns(): number | undefined {
    return this.isTTY ? Number(process.env['COLUMNS'] ?? 80) : undefined;
  }

  getColorDepth(): number {
    return this.isTTY ? 8 : 1;
  }

  hasColors(count = 16): boolean {
    return this.isTTY && count <= 2 ** this.getColorDepth();
  }

  override _write(chunk: Buffer | string, encoding: BufferEncoding, cb: (err?: Error | null) => void): void {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    this.done(writeAllSync(this.fd, buf), cb);
  }

  override _writev(chunks: { chunk: Buffer | string; encoding: BufferEncoding }[], cb: (err?: Error | null) => void): void {
    const bufs = chunks.map(({ chunk, encoding }) => (typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk));
    this.done(writeAllSync(this.fd, Buffer.concat(bufs)), cb);
  }

  /**
   * A reader that went away (EPIPE) destroys the stream with the error, as
   * Node's stdio does: unhandled, it ends the program with "Error: write
   * EPIPE" and exit code 1 instead of writing into the void forever. The
   * write itself completes (no error passed back), so console.log does not
   * quietly swallow the failure.
   */
  private done(errno: number, cb: (err?: Error | null) => void): void {
    if (errno !== 0) this.destroy(errnoException(errno, 'write'));
    cb();
  }

  // Like Node's stdio, these are never really closed by the program.
  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    cb(err);
  }
}

/**
 * Node's stdout/stderr class depends on what the fd is (a pipe or socket:
 * net.Socket; a file: SyncWriteStream; a terminal: tty.WriteStream), and
 * the name shows in its messages ("Emitted 'error' event on Socket
 * instance"). Same stream, named as Node names it.
 */
class Socket extends FdWriteStream {}
class SyncWriteStream extends FdWriteStream {}
class WriteStream extends FdWriteStream {}

export function createStdioStream(fd: number): FdWriteStream {
  if (unistd.isatty(fd) === 1) return new WriteStream(fd, 'tty');
  return isRegularFile(fd) ? new SyncWriteStream(fd, 'fs') : new Socket(fd, 'pipe');
}

function isRegularFile(fd: number): boolean {
  try {
    return fstatSync(fd).isFile();
  } catch {
    // Closed or unusable: writes will report it.
    return false;
  }
}
