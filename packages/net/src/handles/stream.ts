/**
 * What TCP and Unix-socket handles share: libuv's stream.c, with the write
 * path of Node's StreamBase on top (try the write at once, queue only the
 * rest).
 *
 * One non-blocking fd, one level-triggered watcher. What the watcher asks
 * epoll for follows the state, so a steady ping-pong costs no epoll_ctl:
 *
 *   EPOLLIN   while reading or listening
 *   EPOLLOUT  while a connect is in flight, writes are queued, or a
 *             shutdown waits for the queue to drain
 *
 * Costs per readiness event, in FFI calls: a listener accepts one
 * connection (one accept4); a reader reads into one 64 KiB pool buffer
 * until a read comes back short (usually one read); the writer sends the
 * queue in one write, staging several chunks into one buffer first.
 *
 * Results are libuv's: 0 or a negative errno, read EOF as UV_EOF. Each
 * callback into the layer above is followed by a microtask drain, as Node
 * does after every MakeCallback.
 *
 * The fd, its watcher and the socket calls on it are socket.ts's FdHandle.
 */
import { Request, drainTicks, outsideAsyncContext, type Loop } from '@mini/loop';
import {
  EPOLLERR,
  EPOLLHUP,
  EPOLLIN,
  EPOLLOUT,
  lastError,
  O_CLOEXEC,
  O_RDONLY,
  SHUT_WR,
  SO_ERROR,
  SOCK_CLOEXEC,
  SOCK_NONBLOCK,
  socket as sock,
  SOL_SOCKET,
  unistd,
  UV_EAGAIN,
  UV_ECANCELED,
  UV_ECONNABORTED,
  UV_EINPROGRESS,
  UV_EINTR,
  UV_EINVAL,
  UV_EMFILE,
  UV_ENFILE,
  UV_ENOTCONN,
  UV_EOF,
  UV_EBADF,
  UV_EPIPE,
  scmRights,
} from '@mini/sys';
import { FdHandle, getsockoptInt } from './socket.js';

// The layer above compares read and request statuses with these; they are
// sys's, re-exported where the handles that produce them live.
export { UV_ECANCELED, UV_EOF };

/** libuv's read buffer size: one kernel round trip takes up to this much. */
export const READ_BUFFER_SIZE = 64 * 1024;
/** Several queued chunks are copied into one buffer of at most this size and sent in one call. */
const STAGE_SIZE = 256 * 1024;

const readPool = Buffer.allocUnsafeSlow(READ_BUFFER_SIZE);
/** Stands in for a sent chunk, so the queue does not keep its memory. */
const EMPTY = new Uint8Array(0);
/** Descriptors one recvmsg may bring, and what it reports (count, truncated). */
const FDS_PER_READ = 64;
const fdScratch = new Int32Array(FDS_PER_READ);
const fdScratchBytes = new Uint8Array(fdScratch.buffer);
const recvInfo = new Int32Array(2);
const recvInfoBytes = new Uint8Array(recvInfo.buffer);
const stagePool = Buffer.allocUnsafeSlow(STAGE_SIZE);

export type ConnectCallback = (status: number, handle: StreamHandle, req: ConnectReq, readable: boolean, writable: boolean) => void;

export class ConnectReq extends Request {
  oncomplete: ConnectCallback | undefined;
  override resourceName(): string {
    return 'ConnectWrap';
  }
  address = '';
  port = 0;
  localAddress: string | undefined;
  localPort: number | undefined;
}

export class WriteReq extends Request {
  oncomplete: ((status: number, handle: StreamHandle, error?: unknown) => void) | undefined;
  /** Bytes this write carries. */
  bytes = 0;
  /** False when the write completed inside the call (no oncomplete follows). */
  async = false;
  /**
   * Chunks to send, the first unsent one at `head` (an index, not a shift:
   * a writev of 10^5 small chunks, such as console.log lines queued behind
   * a full pipe, would otherwise cost 10^10 moves); `offset` into it.
   */
  chunks: Uint8Array[] = [];
  head = 0;
  offset = 0;
  remaining = 0;
  /** A descriptor to send with this write's first bytes (IPC pipes only), -1 for none. */
  sendFd = -1;
  /** Node writes one buffer with a SimpleWriteWrap, several (writev) with a WriteWrap. */
  override resourceName(): string {
    return this.chunks.length > 1 ? 'WriteWrap' : 'SimpleWriteWrap';
  }
}

export class ShutdownReq extends Request {
  oncomplete: ((status: number, handle: StreamHandle) => void) | undefined;
  override resourceName(): string {
    return 'ShutdownWrap';
  }
}

/** An fd kept open so that, out of descriptors, a listener can still accept and drop (libuv's emfile trick). */
let reserveFd = -1;

function openReserve(): void {
  if (reserveFd < 0) reserveFd = unistd.open('/', O_RDONLY | O_CLOEXEC, 0);
}

export abstract class StreamHandle extends FdHandle {
  reading = false;
  protected listening = false;
  /** Made a server by listen(), for good: Node's TCPServerWrap stays one while it closes. */
  protected server = false;
  /** Data (nread > 0, a fresh Buffer), UV_EOF, or a negative errno. */
  onread: ((nread: number, buf?: Buffer) => void) | undefined;
  /**
   * Set by a reader that copies what it keeps (a TLS layer feeding
   * OpenSSL): onread then lends the read buffer itself, valid only during
   * the call, its first `nread` bytes the data.
   */
  transientReads = false;
  /** A listener's new connection, or a negative errno from accept. */
  onconnection: ((status: number, handle?: StreamHandle) => void) | undefined;
  bytesRead = 0;
  bytesWritten = 0;
  /** Bytes queued in the kernel-bound write queue, not yet written. */
  writeQueueSize = 0;
  private writeQueue: WriteReq[] = [];
  private writeHead = 0;
  protected connectReq: ConnectReq | undefined;
  private shutdownReq: ShutdownReq | undefined;
  /** Set by a shutdown; writes after it are refused. */
  private shut = false;
  /** Owner object of the layer above (Node's owner_symbol). */
  owner: unknown;
  /**
   * Set on an IPC pipe (libuv's uv_pipe_init with ipc = 1): reads go
   * through recvmsg and keep the descriptors that arrive, in order, here
   * until the layer above takes them; writes may carry one.
   */
  protected receivedFds: number[] | undefined;

  constructor(loop: Loop, fd = -1) {
    super(loop);
    if (fd >= 0) this.adopt(fd);
  }

  /** A new handle of the same kind for an accepted fd. */
  protected abstract accepted(fd: number): StreamHandle;

  // ---- listening -------------------------------------------------------------

  listen(backlog: number): number {
    if (this.fd < 0) return UV_EINVAL;
    if (sock.listen(this.fd, backlog) < 0) return lastError();
    openReserve();
    this.listening = true;
    this.server = true;
    this.updateWatch();
    this.activate();
    return 0;
  }

  /** One connection per readiness event: level-triggered epoll brings us back for the rest. */
  private acceptOne(): void {
    for (;;) {
      const fd = sock.accept4(this.fd, null, null, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd >= 0) {
        // The connection's context starts empty: Node makes its handle before calling into the server's.
        this.deliverConnection(
          0,
          outsideAsyncContext(() => this.accepted(fd)),
        );
        return;
      }
      const err = lastError();
      if (err === UV_EAGAIN || err === UV_ECONNABORTED) return;
      if (err === UV_EINTR) continue;
      if ((err === UV_EMFILE || err === UV_ENFILE) && this.shedLoad()) return;
      this.deliverConnection(err);
      return;
    }
  }

  /**
   * Out of descriptors: the pending connections would keep the listener
   * readable forever. Give the reserve fd back, accept and close what is
   * queued, then take the reserve again.
   */
  private shedLoad(): boolean {
    if (reserveFd < 0) return false;
    unistd.close(reserveFd);
    reserveFd = -1;
    for (;;) {
      const fd = sock.accept4(this.fd, null, null, SOCK_NONBLOCK | SOCK_CLOEXEC);
      if (fd < 0) {
        if (lastError() === UV_EINTR) continue;
        break;
      }
      unistd.close(fd);
    }
    openReserve();
    return true;
  }

  private deliverConnection(status: number, handle?: StreamHandle): void {
    const cb = this.onconnection;
    if (cb === undefined) {
      handle?.close();
      return;
    }
    cb(status, handle);
    drainTicks();
  }

  // ---- connecting ------------------------------------------------------------

  /**
   * Start a connect(2) already issued on our fd: `status` is its result, 0
   * or a negative status (UV_EINPROGRESS: under way, the watcher reports
   * the outcome).
   */
  protected beginConnect(req: ConnectReq, status: number, delayErrors: boolean): number {
    if (status < 0 && status !== UV_EINPROGRESS) {
      if (!delayErrors) return status;
      // Reported from the pending phase, as libuv does, so the caller sees
      // every connect outcome through its callback.
      this.connectReq = req;
      req.start();
      this.loop.queuePending(() => this.finishConnect(status));
      return 0;
    }
    this.connectReq = req;
    req.start();
    this.updateWatch();
    return 0;
  }

  private finishConnect(status: number): void {
    const req = this.connectReq;
    if (req === undefined) return;
    this.connectReq = undefined;
    req.finish();
    if (!this.isClosing()) this.updateWatch();
    req.oncomplete?.(status, this, req, true, true);
    drainTicks();
  }

  /**
   * The connect's outcome. The kernel keeps it in SO_ERROR as a raw,
   * positive errno (0 for success): negated here, the one place a value
   * that did not come through lastError() becomes a status.
   */
  private connectStatus(): number {
    const pending = getsockoptInt(this.fd, SOL_SOCKET, SO_ERROR);
    return pending <= 0 ? pending : -pending;
  }

  // ---- reading ---------------------------------------------------------------

  readStart(): number {
    if (this.fd < 0) return UV_ENOTCONN;
    this.reading = true;
    this.updateWatch();
    this.activate();
    return 0;
  }

  readStop(): number {
    if (!this.reading) return 0;
    this.reading = false;
    if (this.fd >= 0) this.updateWatch();
    if (!this.listening) this.deactivate();
    return 0;
  }

  /** Reads stopped at a short read (not EAGAIN, not EOF): libuv's UV_HANDLE_READ_PARTIAL. */
  private readPartial = false;

  /**
   * Read until the kernel has nothing more, a short read, or the reader
   * stops. Each read's callback has its ticks drained before anything else
   * of ours runs, as after each of node's; true when the last one's are
   * still to drain, which the loop does once the watcher's callback
   * returns: the program's promise jobs then sit on the loop's frame alone,
   * not on ours beneath it (see Loop.run).
   */
  private doRead(): boolean {
    this.readPartial = false;
    for (let i = 0; i < 32 && this.reading; i++) {
      const n = this.receivedFds === undefined ? unistd.read(this.fd, readPool, READ_BUFFER_SIZE) : this.readWithFds();
      if (n > 0) {
        let buf = readPool;
        if (!this.transientReads) {
          buf = Buffer.allocUnsafe(n);
          readPool.copy(buf, 0, 0, n);
        }
        this.bytesRead += n;
        this.onread?.(n, buf);
        if (n < READ_BUFFER_SIZE) {
          this.readPartial = true;
          return true;
        }
        // Another read follows, which the ticks may stop (a pause).
        drainTicks();
        continue;
      }
      if (n === 0) {
        this.readStop();
        this.onread?.(UV_EOF);
        return true;
      }
      const err = lastError();
      if (err === UV_EAGAIN) return false;
      if (err === UV_EINTR) continue;
      this.readStop();
      this.onread?.(err);
      return true;
    }
    return false;
  }

  /** One recvmsg: the bytes into the read pool, the descriptors onto `receivedFds`. */
  private readWithFds(): number {
    const n = Number(scmRights().mini_recv_fds(this.fd, readPool, READ_BUFFER_SIZE, fdScratchBytes, FDS_PER_READ, recvInfoBytes));
    for (let i = 0; i < recvInfo[0]!; i++) this.receivedFds!.push(fdScratch[i]!);
    return n;
  }

  private deliverRead(nread: number, buf?: Buffer): void {
    this.onread?.(nread, buf);
    drainTicks();
  }

  // ---- writing ---------------------------------------------------------------

  /**
   * Write `chunks` in order. Whatever the kernel takes now is written now;
   * if that is all of it, `req.async` is false and no callback follows.
   * Otherwise the rest is queued and `req.oncomplete` runs once it is out.
   * `sendHandle` (libuv's uv_write2) rides with the first bytes written;
   * only an IPC pipe can carry one, and it must stay open until then.
   */
  writev(req: WriteReq, chunks: Uint8Array[], sendHandle?: FdHandle): number {
    let total = 0;
    for (const c of chunks) total += c.byteLength;
    req.bytes = total;
    req.async = false;
    if (this.fd < 0 || this.shut) return UV_EPIPE; // as a write after shutdown
    if (sendHandle !== undefined) {
      if (this.receivedFds === undefined || total === 0) return UV_EINVAL;
      if (sendHandle.fd < 0) return UV_EBADF;
      req.sendFd = sendHandle.fd;
    }
    req.chunks = chunks;
    req.head = 0;
    req.offset = 0;
    req.remaining = total;
    if (this.writeQueue.length === this.writeHead && this.connectReq === undefined) {
      const n = this.flush([req], 0);
      if (n < 0) return n;
      if (req.remaining === 0) return 0;
    }
    req.async = true;
    req.start();
    this.writeQueue.push(req);
    this.writeQueueSize += req.remaining;
    this.updateWatch();
    return 0;
  }

  /**
   * Write `data[0..length)`, bytes the caller reuses as soon as this
   * returns (a staging buffer): what the kernel takes now is never copied,
   * and only a rest that has to wait is copied before it is queued.
   */
  writeTransient(req: WriteReq, data: Uint8Array, length: number): number {
    let sent = 0;
    // Nothing queued ahead of it (an http request's head, a reply): one
    // write(2) straight from the stage, with no view of it and no chunk
    // list, which the kernel taking it all (the usual case) never needs.
    if (length > 0 && this.fd >= 0 && !this.shut && this.writeQueue.length === this.writeHead && this.connectReq === undefined) {
      const n = unistd.write(this.fd, data, length);
      if (n < 0) {
        const err = lastError();
        if (err !== UV_EAGAIN && err !== UV_EINTR) {
          req.bytes = length;
          req.async = false;
          return err;
        }
      } else {
        sent = n;
        this.bytesWritten += n;
        if (n === length) {
          req.bytes = length;
          req.async = false;
          return 0;
        }
      }
    }
    const err = this.writev(req, [sent === 0 && length === data.byteLength ? data : data.subarray(sent, length)]);
    req.bytes = length;
    if (err === 0 && req.async) {
      req.chunks[0] = Buffer.from(req.chunks[0]!.subarray(req.offset));
      req.offset = 0;
    }
    return err;
  }

  writeBuffer(req: WriteReq, buf: Uint8Array, sendHandle?: FdHandle): number {
    return this.writev(req, [buf], sendHandle);
  }

  writeString(req: WriteReq, s: string, encoding: BufferEncoding): number {
    return this.writev(req, [Buffer.from(s, encoding)]);
  }

  /** Whether the last flush wrote less than it offered (the kernel buffer is full). */
  private short = false;

  /**
   * One write(2) for `reqs[from..]`: a lone chunk goes as is, several are
   * staged into one buffer. Accounts what was written; returns the byte
   * count (0 when the kernel would block) or a negative status.
   */
  private flush(reqs: WriteReq[], from: number): number {
    const first = reqs[from]!;
    let n: number;
    let attempted: number;
    if (first.sendFd >= 0) {
      // Its own sendmsg: the descriptor marks where its message starts.
      const chunk = first.chunks[first.head]!;
      attempted = chunk.byteLength - first.offset;
      n = Number(scmRights().mini_send_fd(this.fd, first.offset === 0 ? chunk : chunk.subarray(first.offset), attempted, first.sendFd));
      if (n > 0) first.sendFd = -1;
    } else if (first.chunks.length - first.head === 1 || first.chunks[first.head]!.byteLength - first.offset >= STAGE_SIZE) {
      const chunk = first.chunks[first.head]!;
      attempted = chunk.byteLength - first.offset;
      n = attempted === 0 ? 0 : unistd.write(this.fd, first.offset === 0 ? chunk : chunk.subarray(first.offset), attempted);
    } else {
      attempted = this.stage(reqs, from);
      n = unistd.write(this.fd, stagePool, attempted);
    }
    if (n < 0) {
      const err = lastError();
      this.short = true;
      return err === UV_EAGAIN || err === UV_EINTR ? 0 : err;
    }
    this.consume(reqs, from, n);
    this.short = n < attempted;
    return n;
  }

  /** Copy queued bytes, from the head on, into the stage buffer; returns how many. */
  private stage(reqs: WriteReq[], from: number): number {
    let len = 0;
    for (let r = from; r < reqs.length && len < STAGE_SIZE; r++) {
      const req = reqs[r]!;
      // A write carrying a descriptor starts a sendmsg of its own.
      if (req.sendFd >= 0) break;
      let off = req.offset;
      for (let c = req.head; c < req.chunks.length; c++) {
        const chunk = req.chunks[c]!;
        if (len >= STAGE_SIZE) break;
        const take = Math.min(chunk.byteLength - off, STAGE_SIZE - len);
        stagePool.set(off === 0 && take === chunk.byteLength ? chunk : chunk.subarray(off, off + take), len);
        len += take;
        off = 0;
      }
    }
    return len;
  }

  /** Advance the queue by `n` written bytes; drop finished chunks. */
  private consume(reqs: WriteReq[], from: number, n: number): void {
    this.bytesWritten += n;
    for (let r = from; r < reqs.length && n > 0; r++) {
      const req = reqs[r]!;
      while (n > 0 && req.head < req.chunks.length) {
        const chunk = req.chunks[req.head]!;
        const left = chunk.byteLength - req.offset;
        if (n >= left) {
          n -= left;
          req.remaining -= left;
          req.offset = 0;
          req.chunks[req.head++] = EMPTY;
        } else {
          req.offset += n;
          req.remaining -= n;
          n = 0;
        }
      }
    }
  }

  /** Writable again: send what is queued, complete what is done. */
  private doWrite(): void {
    const queue = this.writeQueue;
    while (this.writeHead < queue.length) {
      const n = this.flush(queue, this.writeHead);
      if (n < 0) {
        this.failWrites(n);
        return;
      }
      this.writeQueueSize -= n;
      // Complete, in order, every request now fully written.
      while (this.writeHead < queue.length && queue[this.writeHead]!.remaining === 0) {
        const req = queue[this.writeHead]!;
        queue[this.writeHead++] = undefined as unknown as WriteReq;
        this.completeWrite(req, 0);
        if (this.isClosing()) return;
      }
      if (this.short) break;
    }
    if (this.writeHead === queue.length) {
      this.writeQueue = [];
      this.writeHead = 0;
    } else if (this.writeHead > 1024) {
      this.writeQueue = queue.slice(this.writeHead);
      this.writeHead = 0;
    }
  }

  private failWrites(status: number): void {
    const queue = this.writeQueue;
    const head = this.writeHead;
    this.writeQueue = [];
    this.writeHead = 0;
    this.writeQueueSize = 0;
    for (let r = head; r < queue.length; r++) this.completeWrite(queue[r]!, status);
  }

  private completeWrite(req: WriteReq, status: number): void {
    req.finish();
    req.oncomplete?.(status, this);
    drainTicks();
  }

  // ---- shutdown --------------------------------------------------------------

  /** Half-close once the write queue is empty; `req.oncomplete` follows from the poll phase. */
  shutdown(req: ShutdownReq): number {
    if (this.fd < 0 || this.shut || this.connectReq !== undefined) return UV_ENOTCONN;
    this.shut = true;
    this.shutdownReq = req;
    req.start();
    if (this.writeHead === this.writeQueue.length) {
      // Nothing left to write: as libuv (uv__io_feed), the shutdown runs in
      // the next pending phase, before that iteration polls.
      this.loop.queuePending(() => {
        if (this.shutdownReq === req && this.fd >= 0 && !this.isClosing()) this.doShutdown();
      });
    }
    // Otherwise it follows the last write, from the watcher.
    return 0;
  }

  private doShutdown(): void {
    const req = this.shutdownReq!;
    this.shutdownReq = undefined;
    const status = sock.shutdown(this.fd, SHUT_WR) < 0 ? lastError() : 0;
    this.updateWatch();
    req.finish();
    req.oncomplete?.(status, this);
    drainTicks();
  }

  // ---- the watcher -----------------------------------------------------------

  protected onIo(events: number): void {
    if (this.listening) {
      this.acceptOne();
      return;
    }
    if (this.connectReq !== undefined) {
      if ((events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) !== 0) this.finishConnect(this.connectStatus());
      return;
    }
    if ((events & (EPOLLIN | EPOLLERR | EPOLLHUP)) !== 0 && this.reading) {
      // More of ours follows the reads: their last callback's ticks first.
      if (this.doRead() && (events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) !== 0) drainTicks();
      // Both directions are shut (EPOLLHUP) and the read stopped short: the
      // rest is EOF, delivered now rather than one poll later, as libuv does.
      if ((events & EPOLLHUP) !== 0 && this.readPartial && this.reading && this.fd >= 0 && !this.isClosing()) {
        this.readStop();
        this.deliverRead(UV_EOF);
      }
    }
    if (this.fd < 0 || this.isClosing()) return;
    if ((events & (EPOLLOUT | EPOLLERR | EPOLLHUP)) !== 0) {
      if (this.writeHead < this.writeQueue.length) this.doWrite();
      if (this.fd < 0 || this.isClosing()) return;
      if (this.shutdownReq !== undefined && this.writeHead === this.writeQueue.length) this.doShutdown();
      else this.updateWatch();
    }
  }

  protected updateWatch(): void {
    const w = this.watcher;
    if (w === undefined || this.isClosing()) return;
    let want = 0;
    if (this.reading || this.listening) want |= EPOLLIN;
    if (this.connectReq !== undefined || this.writeHead < this.writeQueue.length) want |= EPOLLOUT;
    // One epoll_ctl for any change of interest, none when it is the same.
    w.setEvents(want);
  }

  // ---- closing ---------------------------------------------------------------

  protected onClose(): void {
    this.reading = false;
    this.listening = false;
    this.closeFd();
    this.deactivate();
    this.onFdClosed();
  }

  /** Subclass hook after the fd is gone (a pipe server removes its path). */
  protected onFdClosed(): void {}

  /** In-flight requests end with ECANCELED before the close callback, as libuv's uv__stream_destroy. */
  override finishClose(): void {
    const connect = this.connectReq;
    this.connectReq = undefined;
    if (connect !== undefined) {
      connect.finish();
      connect.oncomplete?.(UV_ECANCELED, this, connect, false, false);
    }
    const queue = this.writeQueue;
    const head = this.writeHead;
    this.writeQueue = [];
    this.writeHead = 0;
    this.writeQueueSize = 0;
    for (let r = head; r < queue.length; r++) {
      const req = queue[r]!;
      req.finish();
      req.oncomplete?.(UV_ECANCELED, this);
    }
    const shutdown = this.shutdownReq;
    this.shutdownReq = undefined;
    if (shutdown !== undefined) {
      shutdown.finish();
      shutdown.oncomplete?.(UV_ECANCELED, this);
    }
    super.finishClose();
  }
}
