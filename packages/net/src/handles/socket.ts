/**
 * What every fd-backed handle shares, below the stream and datagram logic:
 * libuv's uv__io_t inside uv_stream_t and uv_udp_t, and the socket calls of
 * its core.c (uv__socket, uv__getsockpeername, uv__socket_sockopt).
 *
 *   FdHandle            the fd, its watcher, adopt, closeFd
 *    ├─ StreamHandle    stream.ts: read, write, listen, shutdown
 *    │   ├─ TCP         tcp.ts
 *    │   └─ Pipe        pipe.ts
 *    └─ UDP             udp.ts
 *
 * A handle over an fd that is not a socket (a TTY) uses `adopt` and
 * `closeFd` only; a socket made elsewhere (an IPC channel inherited from a
 * parent, one end of a socketpair) is adopted the same way. The socket
 * helpers are plain functions of an fd as well, for code that has no handle.
 *
 * Every call returns 0 (or a value) or a negative UV_E* status, as libuv
 * does, with the values from @mini/sys's one errno table.
 */
import { Handle, IoWatcher, captureAsyncContext } from '@mini/loop';
import {
  SOCK_CLOEXEC,
  SOCK_NONBLOCK,
  SOCKADDR_MAX,
  UV_EBADF,
  UV_EINVAL,
  decodeSockaddr,
  lastError,
  socket as sock,
  unistd,
  type SocketAddress,
} from '@mini/sys';

/**
 * libuv's uv__socket: a new socket, non-blocking and close-on-exec from
 * birth (no window in which a spawned child could inherit it). Returns the
 * fd or a negative status.
 */
export function openSocket(domain: number, type: number): number {
  const fd = sock.socket(domain, type | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
  return fd < 0 ? lastError() : fd;
}

// Scratch for the calls below: filled and read within one synchronous call,
// so one set serves every handle without an allocation per call.
const nameBuf = Buffer.alloc(SOCKADDR_MAX);
const nameLen = Buffer.alloc(4);
const intBuf = Buffer.alloc(4);
const intLen = Buffer.alloc(4);

/**
 * getsockname(2) or getpeername(2), decoded by sys's sockaddr codec: the
 * address, `undefined` when the call succeeded but the family is none the
 * codec knows, or a negative status (UV_ENOTCONN: no peer).
 */
export function socketName(fd: number, which: 'getsockname' | 'getpeername'): SocketAddress | undefined | number {
  nameLen.writeUInt32LE(SOCKADDR_MAX, 0);
  if (sock[which](fd, nameBuf, nameLen) < 0) return lastError();
  return decodeSockaddr(nameBuf, nameLen.readUInt32LE(0));
}

/** An int-valued option (SO_ERROR, SO_RCVBUF …): its value, or a negative status. */
export function getsockoptInt(fd: number, level: number, name: number): number {
  intLen.writeUInt32LE(4, 0);
  if (sock.getsockopt(fd, level, name, intBuf, intLen) < 0) return lastError();
  return intBuf.readInt32LE(0);
}

/** Set an int-valued option (booleans as 0/1): 0 or a negative status. */
export function setsockoptInt(fd: number, level: number, name: number, value: number): number {
  intBuf.writeInt32LE(value | 0, 0);
  return sock.setsockopt(fd, level, name, intBuf, 4) < 0 ? lastError() : 0;
}

export abstract class FdHandle extends Handle {
  /** -1 until a socket is made or an fd adopted, and again once closed. */
  fd = -1;
  /** Made with the fd; wants nothing until the subclass asks (setEvents/start). */
  protected watcher: IoWatcher | undefined;

  /** Take an open, non-blocking, close-on-exec fd. */
  protected adopt(fd: number): void {
    this.fd = fd;
    // Named in a trace by the handle's type: 'TCP read', 'UDP read', 'Pipe write'.
    // Bound, not wrapped: a bound function is no frame of its own below the program's callbacks.
    this.watcher = new IoWatcher(this.loop, fd, this.onIo.bind(this), this.typeName);
    // Its events run where the socket was made (for an accepted one: in its server's context), as Node's TCPWRAP.
    this.watcher.context = captureAsyncContext(`${this.typeName.toUpperCase()}WRAP`);
  }

  /**
   * From now on its events run in the current context (Node's asyncReset):
   * a keep-alive socket handed to its next request takes that request's.
   */
  asyncReset(): void {
    if (this.watcher !== undefined) this.watcher.context = captureAsyncContext(`${this.typeName.toUpperCase()}WRAP`);
  }

  /** The fd is ready: `events` is what epoll reported, within what the watcher wants. */
  protected abstract onIo(events: number): void;

  /**
   * Create the socket on first use (libuv makes it lazily, in the family
   * of the first address it is given): 0 or a negative status. A closing handle gets
   * none: it would outlive the close that should have freed it.
   */
  protected ensureSocket(domain: number, type: number): number {
    if (this.fd >= 0) return 0;
    if (this.isClosing()) return UV_EBADF;
    const fd = openSocket(domain, type);
    if (fd < 0) return fd;
    this.adopt(fd);
    return 0;
  }

  /** Our own or the peer's address: EBADF before there is a socket, EINVAL for a family we cannot decode. */
  protected addressOf(which: 'getsockname' | 'getpeername'): SocketAddress | number {
    if (this.fd < 0) return UV_EBADF;
    return socketName(this.fd, which) ?? UV_EINVAL;
  }

  /** Forget the fd: the watcher leaves epoll first, then the fd is closed. */
  protected closeFd(): void {
    if (this.watcher !== undefined) this.watcher.close();
    if (this.fd >= 0) unistd.close(this.fd);
    this.fd = -1;
  }
}
