/**
 * Unix-socket stream handles (libuv's pipe.c, Node's pipe_wrap). A name
 * starting with '\0' is a Linux abstract name: no file, gone with the
 * socket. A server that bound a path removes it when closed, as libuv does.
 */
import type { Loop } from '@mini/loop';
import {
  AF_UNIX,
  SOCK_STREAM,
  UV_EBUSY,
  UV_ENAMETOOLONG,
  encodeUnix,
  lastError,
  socket as sock,
  unistd,
  type SocketAddress,
} from '@mini/sys';
import { ConnectReq, StreamHandle } from './stream.js';

/** sizeof(struct sockaddr_un): family + 108 bytes of path. */
const SOCKADDR_UN_SIZE = 110;

/**
 * An abstract name's length is part of the name. Node 20 (libuv 1.46)
 * binds and connects with the whole sun_path, NUL-padded; we do the same
 * so that both ends agree on which socket '\0name' means. A path longer
 * than sun_path is UV_ENAMETOOLONG.
 */
function unixAddress(path: string): Buffer | number {
  let addr: Buffer;
  try {
    addr = encodeUnix(path);
  } catch {
    return UV_ENAMETOOLONG;
  }
  if (!path.startsWith('\0') || addr.length >= SOCKADDR_UN_SIZE) return addr;
  const padded = Buffer.alloc(SOCKADDR_UN_SIZE);
  addr.copy(padded);
  return padded;
}

export class Pipe extends StreamHandle {
  override get typeName(): string {
    return 'Pipe';
  }

  override resourceName(): string {
    return this.server ? 'PipeServerWrap' : 'PipeWrap';
  }

  /** The path we bound, removed on close. */
  private boundPath: string | undefined;

  /** `ipc`: the channel of a forked process, which can carry handles (see stream.ts). */
  constructor(loop: Loop, fd = -1, ipc = false) {
    super(loop, fd);
    if (ipc) this.receivedFds = [];
  }

  /**
   * Take an open socket, non-blocking and close-on-exec (libuv's
   * uv_pipe_open): 0, or UV_EBUSY when the handle has one or is closing.
   */
  open(fd: number): number {
    if (this.fd >= 0 || this.isClosing()) return UV_EBUSY;
    this.adopt(fd);
    return 0;
  }

  get ipc(): boolean {
    return this.receivedFds !== undefined;
  }

  /** Descriptors received and not yet taken (libuv's uv_pipe_pending_count). */
  pendingCount(): number {
    return this.receivedFds?.length ?? 0;
  }

  /**
   * The oldest received descriptor, now the caller's to close (libuv's
   * uv_accept on a pending handle; fd-type.ts makes the handle), or -1.
   */
  takePending(): number {
    return this.receivedFds?.shift() ?? -1;
  }

  protected accepted(fd: number): Pipe {
    return new Pipe(this.loop, fd);
  }

  bind(path: string): number {
    const addr = unixAddress(path);
    if (typeof addr === 'number') return addr;
    const err = this.ensureSocket(AF_UNIX, SOCK_STREAM);
    if (err < 0) return err;
    if (sock.bind(this.fd, addr, addr.length) < 0) return lastError();
    if (!path.startsWith('\0')) this.boundPath = path;
    return 0;
  }

  /** Errors, even immediate ones (ENOENT, ECONNREFUSED), come through the callback. */
  connect(req: ConnectReq, path: string): number {
    req.address = path;
    const addr = unixAddress(path);
    if (typeof addr === 'number') return this.beginConnect(req, addr, true);
    const err = this.ensureSocket(AF_UNIX, SOCK_STREAM);
    if (err < 0) return this.beginConnect(req, err, true);
    const status = sock.connect(this.fd, addr, addr.length) < 0 ? lastError() : 0;
    return this.beginConnect(req, status, true);
  }

  /** The bound name ('' for an unnamed socket), Node's pipe getsockname. */
  getsockname(): string | number {
    return pathOf(this.addressOf('getsockname'));
  }

  getpeername(): string | number {
    return pathOf(this.addressOf('getpeername'));
  }

  protected override onFdClosed(): void {
    // Received and never taken: ours to close, as libuv closes its queued fds.
    const fds = this.receivedFds;
    if (fds !== undefined) for (const fd of fds.splice(0)) unistd.close(fd);
    if (this.boundPath === undefined) return;
    // Failure means someone removed it already: nothing to clean.
    unistd.unlink(this.boundPath);
    this.boundPath = undefined;
  }
}

function pathOf(r: SocketAddress | number): string | number {
  if (typeof r === 'number') return r;
  return r.family === 'unix' ? r.path : '';
}
