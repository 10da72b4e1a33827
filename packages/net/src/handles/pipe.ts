/**
 * Unix-socket stream handles (libuv's pipe.c, Node's pipe_wrap). A name
 * starting with '\0' is a Linux abstract name: no file, gone with the
 * socket. A server that bound a path removes it when closed, as libuv does.
 */
import type { Loop } from '@mini/loop';
import { AF_UNIX, SOCK_CLOEXEC, SOCK_NONBLOCK, SOCK_STREAM, encodeUnix, lastErrno, socket as sock, unistd } from '@mini/sys';
import { ConnectReq, StreamHandle } from './stream.js';

/** sizeof(struct sockaddr_un): family + 108 bytes of path. */
const SOCKADDR_UN_SIZE = 110;

/**
 * An abstract name's length is part of the name. Node 20 (libuv 1.46)
 * binds and connects with the whole sun_path, NUL-padded; we do the same
 * so that both ends agree on which socket '\0name' means.
 */
function unixAddress(path: string): Buffer {
  const addr = encodeUnix(path);
  if (!path.startsWith('\0') || addr.length >= SOCKADDR_UN_SIZE) return addr;
  const padded = Buffer.alloc(SOCKADDR_UN_SIZE);
  addr.copy(padded);
  return padded;
}

export class Pipe extends StreamHandle {
  /** The path we bound, removed on close. */
  private boundPath: string | undefined;

  constructor(loop: Loop, fd = -1) {
    super(loop, fd);
  }

  protected accepted(fd: number): Pipe {
    return new Pipe(this.loop, fd);
  }

  private ensureSocket(): number {
    if (this.fd >= 0) return 0;
    const fd = sock.socket(AF_UNIX, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -lastErrno();
    this.adopt(fd);
    return 0;
  }

  bind(path: string): number {
    let addr: Buffer;
    try {
      addr = unixAddress(path);
    } catch {
      return -36; // ENAMETOOLONG
    }
    const err = this.ensureSocket();
    if (err < 0) return err;
    if (sock.bind(this.fd, addr, addr.length) < 0) return -lastErrno();
    if (!path.startsWith('\0')) this.boundPath = path;
    return 0;
  }

  /** Errors, even immediate ones (ENOENT, ECONNREFUSED), come through the callback. */
  connect(req: ConnectReq, path: string): number {
    req.address = path;
    let addr: Buffer;
    try {
      addr = unixAddress(path);
    } catch {
      return this.beginConnect(req, -1, 36, true);
    }
    const err = this.ensureSocket();
    if (err < 0) return this.beginConnect(req, -1, -err, true);
    const ret = sock.connect(this.fd, addr, addr.length);
    return this.beginConnect(req, ret, ret < 0 ? lastErrno() : 0, true);
  }

  /** The bound name ('' for an unnamed socket), Node's pipe getsockname. */
  getsockname(): string | number {
    const r = this.addressOf('getsockname');
    if (typeof r === 'number') return r;
    return r.family === 'unix' ? r.path : '';
  }

  getpeername(): string | number {
    const r = this.addressOf('getpeername');
    if (typeof r === 'number') return r;
    return r.family === 'unix' ? r.path : '';
  }

  protected override onFdClosed(): void {
    if (this.boundPath === undefined) return;
    // Failure means someone removed it already: nothing to clean.
    unistd.unlink(this.boundPath);
    this.boundPath = undefined;
  }
}
