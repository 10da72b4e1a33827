/**
 * TCP handles (libuv's tcp.c, Node's tcp_wrap): a stream over an IPv4 or
 * IPv6 socket. The socket is created lazily by the first bind or connect,
 * in the family of the address, as libuv does.
 *
 * EADDRINUSE from bind is kept and reported by listen, where Node reports
 * it ("listen EADDRINUSE: address already in use 127.0.0.1:80").
 */
import type { Loop } from '@mini/loop';
import {
  AF_INET,
  AF_INET6,
  EADDRINUSE,
  IPPROTO_IPV6,
  IPPROTO_TCP,
  IPV6_V6ONLY,
  SOCK_CLOEXEC,
  SOCK_NONBLOCK,
  SOCK_STREAM,
  SOL_SOCKET,
  SO_KEEPALIVE,
  SO_REUSEADDR,
  TCP_KEEPIDLE,
  TCP_NODELAY,
  encodeInet,
  lastErrno,
  socket as sock,
  type SocketAddress,
} from '@mini/sys';
import { isIPv6 } from 'node:net';
import { ConnectReq, StreamHandle } from './stream.js';

/** bind6 flag: refuse IPv4-mapped connections (Node's `ipv6Only`). */
export const UV_TCP_IPV6ONLY = 1;

/** An int option value as the bytes setsockopt reads. */
function int32(v: number): Uint8Array {
  const b = Buffer.alloc(4);
  b.writeInt32LE(v, 0);
  return b;
}
const ONE = int32(1);
const ZERO = int32(0);

export interface AddressInfo {
  address: string;
  family: string;
  port: number;
}

export class TCP extends StreamHandle {
  private delayedError = 0;

  constructor(loop: Loop, fd = -1) {
    super(loop, fd);
  }

  protected accepted(fd: number): TCP {
    return new TCP(this.loop, fd);
  }

  /** Create the socket on first use, in the family the address needs. */
  private ensureSocket(family: number): number {
    if (this.fd >= 0) return 0;
    const fd = sock.socket(family, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0) return -lastErrno();
    this.adopt(fd);
    return 0;
  }

  bind(address: string, port: number, flags = 0): number {
    return this.bindAny(address, port, flags, AF_INET);
  }

  bind6(address: string, port: number, flags = 0): number {
    return this.bindAny(address, port, flags, AF_INET6);
  }

  private bindAny(address: string, port: number, flags: number, family: number): number {
    let addr: Buffer;
    try {
      addr = encodeInet(address, port);
    } catch {
      return -22; // EINVAL
    }
    const err = this.ensureSocket(family);
    if (err < 0) return err;
    // Servers restart on a port still in TIME_WAIT, as with libuv.
    sock.setsockopt(this.fd, SOL_SOCKET, SO_REUSEADDR, ONE, 4);
    if (family === AF_INET6) {
      const only = (flags & UV_TCP_IPV6ONLY) !== 0 ? ONE : ZERO;
      if (sock.setsockopt(this.fd, IPPROTO_IPV6, IPV6_V6ONLY, only, 4) < 0) return -lastErrno();
    }
    if (sock.bind(this.fd, addr, addr.length) < 0) {
      const errno = lastErrno();
      if (errno !== EADDRINUSE) return -errno;
      this.delayedError = -errno;
    }
    return 0;
  }

  override listen(backlog: number): number {
    if (this.delayedError !== 0) return this.delayedError;
    const err = this.ensureSocket(AF_INET);
    if (err < 0) return err;
    return super.listen(backlog);
  }

  connect(req: ConnectReq, address: string, port: number): number {
    return this.connectAny(req, address, port, AF_INET);
  }

  connect6(req: ConnectReq, address: string, port: number): number {
    return this.connectAny(req, address, port, AF_INET6);
  }

  private connectAny(req: ConnectReq, address: string, port: number, family: number): number {
    if (this.delayedError !== 0) return this.delayedError;
    let addr: Buffer;
    try {
      addr = encodeInet(address, port);
    } catch {
      return -22;
    }
    const err = this.ensureSocket(isIPv6(address) ? AF_INET6 : family);
    if (err < 0) return err;
    req.address = address;
    req.port = port;
    const ret = sock.connect(this.fd, addr, addr.length);
    const errno = ret < 0 ? lastErrno() : 0;
    // libuv reports a refused connect through the callback, any other
    // immediate failure from the call.
    if (ret < 0 && errno === 111 /* ECONNREFUSED */) return this.beginConnect(req, ret, errno, true);
    return this.beginConnect(req, ret, errno, false);
  }

  getsockname(out: Partial<AddressInfo>): number {
    return fill(out, this.addressOf('getsockname'));
  }

  getpeername(out: Partial<AddressInfo>): number {
    return fill(out, this.addressOf('getpeername'));
  }

  setNoDelay(enable: boolean): number {
    if (this.fd < 0) return 0;
    return sock.setsockopt(this.fd, IPPROTO_TCP, TCP_NODELAY, enable ? ONE : ZERO, 4) < 0 ? -lastErrno() : 0;
  }

  /** `delay` in seconds before the first probe, as uv_tcp_keepalive. */
  setKeepAlive(enable: boolean, delay: number): number {
    if (this.fd < 0) return 0;
    if (sock.setsockopt(this.fd, SOL_SOCKET, SO_KEEPALIVE, enable ? ONE : ZERO, 4) < 0) return -lastErrno();
    if (enable && delay > 0) {
      if (sock.setsockopt(this.fd, IPPROTO_TCP, TCP_KEEPIDLE, int32(delay), 4) < 0) return -lastErrno();
    }
    return 0;
  }
}

function fill(out: Partial<AddressInfo>, r: SocketAddress | number): number {
  if (typeof r === 'number') return r;
  if (r.family === 'unix') return -22;
  out.address = r.address;
  out.family = r.family;
  out.port = r.port;
  return 0;
}
