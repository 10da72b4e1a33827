/**
 * process.stdout / process.stderr written with write(2) by us.
 *
 * Node writes to files and pipes synchronously on Linux, so a process that
 * exits right after a console.log still prints everything; we do the same.
 * A descriptor someone else made non-blocking may answer EAGAIN: we wait for
 * it rather than drop output.
 */
import { Writable } from 'node:stream';
import { EAGAIN, EINTR, lastErrno, unistd } from '@mini/sys';

const sleepCell = new Int32Array(new SharedArrayBuffer(4));

/** Write all of `buf` to `fd`, blocking until done. Returns false if the fd is gone (EPIPE, EBADF). */
export function writeAllSync(fd: number, buf: Uint8Array): boolean {
  let off = 0;
  while (off < buf.length) {
    const chunk = off === 0 ? buf : buf.subarray(off);
    const n = unistd.write(fd, chunk, chunk.length);
    if (n >= 0) {
      off += n;
      continue;
    }
    const errno = lastErrno();
    if (errno === EINTR) continue;
    if (errno === EAGAIN) {
      Atomics.wait(sleepCell, 0, 0, 1);
      continue;
    }
    return false;
  }
  return true;
}

export class FdWriteStream extends Writable {
  readonly fd: number;
  readonly isTTY: boolean;
  readonly _type: 'tty' | 'fs' | 'pipe';

  constructor(fd: number) {
    super({ decodeStrings: false, emitClose: false, autoDestroy: false });
    this.fd = fd;
    this.isTTY = unistd.isatty(fd) === 1;
    this._type = this.isTTY ? 'tty' : 'pipe';
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
    writeAllSync(this.fd, buf);
    cb();
  }

  override _writev(chunks: { chunk: Buffer | string; encoding: BufferEncoding }[], cb: (err?: Error | null) => void): void {
    const bufs = chunks.map(({ chunk, encoding }) => (typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk));
    writeAllSync(this.fd, Buffer.concat(bufs));
    cb();
  }

  // Like Node's stdio, these are never really closed by the program.
  override _destroy(err: Error | null, cb: (err?: Error | null) => void): void {
    cb(err);
  }
}
