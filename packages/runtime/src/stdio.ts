/**
 * process.stdin, stdout and stderr, made on first use as Node makes them.
 * What each one is depends on what its fd is (guessHandleType):
 *
 *   fd is         stdout, stderr                   stdin
 *   terminal      tty.WriteStream: blocking        tty.ReadStream
 *   file (or      SyncWriteStream: write(2),       fs.ReadStream on our pool
 *   /dev/null)    blocking
 *   pipe, socket  net.Socket on a Pipe/TCP         net.Socket, read only
 *                 handle: each write goes to the   once asked
 *                 kernel at once, what it cannot
 *                 take waits on our loop
 *   other         a sink                           an empty stream
 *
 * Measured against node 20 on this machine, 1e6 bytes written and then
 * process.exit(): to a file or a terminal all of it arrives; to a pipe
 * whose reader is not reading yet, 65536 bytes (the pipe's capacity) and
 * `writableLength` is still 1e6 when exit is called. That is Node's
 * behaviour on Linux (process.exit does not wait for queued writes), and
 * ours. Without process.exit the pending write keeps the loop alive until
 * it is out, so nothing is lost.
 *
 * stdin does not keep the process alive until it is read from, and a
 * pause() stops the reading one tick later (once the stream has stopped
 * flowing), so that a program that paused stdin can end.
 */
import { fstatSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { defaultLoop } from '@mini/loop';
import { UV_EAGAIN, UV_EINTR, errnoException, lastError, setNonBlocking, unistd } from '@mini/sys';

type NetPackage = typeof import('@mini/net/stdio');
/** Our net's stdio parts, loaded with the first stdio stream over a terminal, pipe or socket. */
function net(): NetPackage {
  return require('@mini/net/stdio') as NetPackage;
}

/** node:tty's streams, for a terminal. */
function ttyModule(): typeof import('@mini/net/tty') {
  return require('@mini/net/tty') as typeof import('@mini/net/tty');
}

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
      // Someone else made the description non-blocking: wait rather than drop output.
      Atomics.wait(sleepCell, 0, 0, 1);
      continue;
    }
    return errno;
  }
  return 0;
}

/**
 * Node's SyncWriteStream: the stream of a stdout or stderr that is a file,
 * every write a write(2) that completes before it returns.
 */
export class SyncWriteStream extends Writable {
  readonly fd: number;
  readonly _type = 'fs';

  constructor(fd: number) {
    super({ decodeStrings: false, autoDestroy: true });
    this.fd = fd;
    // Node's says so, though a Writable is never readable.
    (this as { readable?: boolean }).readable = false;
  }

  override _write(chunk: Buffer | string, encoding: BufferEncoding, cb: (err?: Error | null) => void): void {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk;
    this.done(writeAllSync(this.fd, buf), cb);
  }

  override _writev(chunks: { chunk: Buffer | string; encoding: BufferEncoding }[], cb: (err?: Error | null) => void): void {
    const bufs = chunks.map(({ chunk, encoding }) => (typeof chunk === 'string' ? Buffer.from(chunk, encoding) : chunk));
    this.done(writeAllSync(this.fd, Buffer.concat(bufs)), cb);
  }

  /** A failed write (EBADF, ENOSPC…) destroys the stream with the error, which ends an unheeding program as Node's does. */
  private done(errno: number, cb: (err?: Error | null) => void): void {
    if (errno !== 0) this.destroy(errnoException(errno, 'write'));
    cb();
  }
}

/**
 * Never really closed by the program: destroy() runs its course ('close'
 * included, which finished() and pipeline() wait for) but the fd stays
 * open and the stream usable, as Node's stdio.
 */
function dummyDestroy(this: Writable | Readable, err: Error | null, cb: (err?: Error | null) => void): void {
  cb(err);
  (this as unknown as { _undestroy(): void })._undestroy();
  const state = (this as unknown as { _writableState?: { emitClose: boolean } })._writableState;
  if (state !== undefined && !state.emitClose) process.nextTick(() => this.emit('close'));
}

/** A Pipe or TCP handle on an inherited pipe or socket. */
function streamHandle(n: NetPackage, fd: number, type: 'PIPE' | 'TCP'): InstanceType<NetPackage['Pipe']> | InstanceType<NetPackage['TCP']> {
  // As libuv's uv_pipe_open and uv_tcp_open. The description is shared with
  // whoever handed it to us; the host node puts fds 0-2's flags back at exit.
  setNonBlocking(fd, true);
  return type === 'PIPE' ? new n.Pipe(defaultLoop(), fd) : new n.TCP(defaultLoop(), fd);
}

type StdioWritable = Writable & { fd?: number; _type?: string; _isStdio?: boolean; destroySoon?: () => void; isTTY?: boolean };

/** stdout (1) or stderr (2). */
export function createWritableStdio(fd: 1 | 2, proc: NodeJS.Process): StdioWritable {
  let stream: StdioWritable;
  const type = fileType(fd);
  switch (type) {
    case 'TTY': {
      const tty = new (ttyModule().WriteStream)(fd) as unknown as StdioWritable;
      tty._type = 'tty';
      stream = tty;
      // The window size is read again on SIGWINCH (our Signal handle, which does not keep the loop alive).
      proc.on('SIGWINCH', () => (tty as unknown as { _refreshSize(): void })._refreshSize());
      break;
    }
    case 'FILE':
      stream = new SyncWriteStream(fd);
      break;
    case 'PIPE':
    case 'TCP': {
      const n = net();
      stream = new n.Socket({ handle: streamHandle(n, fd, type), readable: false, writable: true }) as unknown as StdioWritable;
      stream._type = 'pipe';
      break;
    }
    default:
      stream = new Writable({
        write(_chunk, _encoding, cb) {
          cb();
        },
      });
  }
  stream.fd = fd;
  stream._isStdio = true;
  stream.destroySoon = stream.destroy.bind(stream) as () => void;
  stream._destroy = dummyDestroy;
  return stream;
}

type StdioReadable = Readable & { fd?: number; _handle?: { reading: boolean; readStop(): number } | null };

/** What stdin needs of the fs module: its ReadStream reads a stdin that is a file. */
export interface FsReadStreams {
  ReadStream: new (path: null, options: object) => Readable;
}

/** process.stdin. */
export function createStdin(fs: () => FsReadStreams): StdioReadable {
  const fd = 0;
  let stdin: StdioReadable;
  const type = fileType(fd);
  switch (type) {
    case 'TTY':
      stdin = new (ttyModule().ReadStream)(fd) as unknown as StdioReadable;
      break;
    case 'FILE':
      stdin = new (fs().ReadStream)(null, { fd, autoClose: false });
      break;
    case 'PIPE':
    case 'TCP': {
      const n = net();
      stdin = new n.Socket({
        handle: streamHandle(n, fd, type),
        readable: true,
        writable: false,
        manualStart: true,
      }) as unknown as StdioReadable;
      // stdin cannot be end()ed.
      (stdin as unknown as { _writableState: { ended: boolean } })._writableState.ended = true;
      break;
    }
    default:
      stdin = new Readable({ read() {} });
      stdin.push(null);
  }
  stdin.fd = fd;
  // Paused streams still read ahead; once a pause() has stopped the flow,
  // the handle stops too, so that stdin no longer keeps the loop alive.
  stdin.on('pause', () => process.nextTick(stopIfPaused, stdin));
  return stdin;
}

function stopIfPaused(stdin: StdioReadable): void {
  const handle = stdin._handle;
  if (handle == null || !handle.reading || stdin.readableFlowing) return;
  (stdin as unknown as { _readableState: { reading: boolean } })._readableState.reading = false;
  handle.readStop();
}

/** guessHandleType, without loading @mini/net for a terminal or a file. */
function fileType(fd: number): string {
  if (unistd.isatty(fd) === 1) return 'TTY';
  try {
    const st = fstatSync(fd);
    if (st.isFile() || st.isCharacterDevice()) return 'FILE';
  } catch {
    return 'UNKNOWN';
  }
  return net().guessHandleType(fd);
}
