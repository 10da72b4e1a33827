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
  isIPv6,
  AF_INET,
  AF_INET6,
  IPPROTO_IPV6,
  IPPROTO_TCP,
  IPV6_V6ONLY,
  SOCK_STREAM,
  SOL_SOCKET,
  SO_KEEPALIVE,
  SO_REUSEADDR,
  TCP_KEEPIDLE,
  TCP_NODELAY,
  UV_EADDRINUSE,
  UV_ECONNREFUSED,
  UV_EINVAL,
  encodeInet,
  lastError,
  socket as sock,
  type SocketAddress,
} from '@mini/sys';
import { setsockoptInt } from './socket.js';
import { ConnectReq, StreamHandle } from './stream.js';

/** bind6 flag: refuse IPv4-mapped connections (Node's `ipv6Only`). */
export const UV_TCP_IPV6ONLY = 1;

export interface AddressInfo {
  address: string;
  family: string;
  port: number;
}

export class TCP extends StreamHandle {
  override get typeName(): string {
    return 'TCP';
  }

  override resourceName(): string {
    return this.server ? 'TCPServerWrap' : 'TCPSocketWrap';
  }

  private delayedError = 0;

  constructor(loop: Loop, fd = -1) {
    super(loop, fd);
  }

  protected accepted(fd: number): TCP {
    return new TCP(this.loop, fd);
  }

  bind(address: string, port: number, flags = 0): number {
    return this.bindAny(address, port, flags, AF_INET);
  }

  bind6(address: string, port: number, flags = 0): number {
    return this.bindAny(address, port, flags, AF_INET6);
  }

  private bindAny(address: string, port: number, flags: number, family: number): number {
    const addr = inetAddress(address, port);
    if (typeof addr === 'number') return addr;
    const err = this.ensureSocket(family, SOCK_STREAM);
    if (err < 0) return err;
    // Servers restart on a port still in TIME_WAIT, as with libuv.
    setsockoptInt(this.fd, SOL_SOCKET, SO_REUSEADDR, 1);
    if (family === AF_INET6) {
      const only = (flags & UV_TCP_IPV6ONLY) !== 0 ? 1 : 0;
      const r = setsockoptInt(this.fd, IPPROTO_IPV6, IPV6_V6ONLY, only);
      if (r < 0) return r;
    }
    if (sock.bind(this.fd, addr, addr.length) < 0) {
      const bindErr = lastError();
      if (bindErr !== UV_EADDRINUSE) return bindErr;
      this.delayedError = bindErr;
    }
    return 0;
  }

  override listen(backlog: number): number {
    if (this.delayedError !== 0) return this.delayedError;
    const err = this.ensureSocket(AF_INET, SOCK_STREAM);
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
    const addr = inetAddress(address, port);
    if (typeof addr === 'number') return addr;
    const err = this.ensureSocket(isIPv6(address) ? AF_INET6 : family, SOCK_STREAM);
    if (err < 0) return err;
    req.address = address;
    req.port = port;
    const status = sock.connect(this.fd, addr, addr.length) < 0 ? lastError() : 0;
    // libuv reports a refused connect through the callback, any other
    // immediate failure from the call.
    return this.beginConnect(req, status, status === UV_ECONNREFUSED);
  }

  getsockname(out: Partial<AddressInfo>): number {
    return fill(out, this.addressOf('getsockname'));
  }

  getpeername(out: Partial<AddressInfo>): number {
    return fill(out, this.addressOf('getpeername'));
  }

  setNoDelay(enable: boolean): number {
    if (this.fd < 0) return 0;
    return setsockoptInt(this.fd, IPPROTO_TCP, TCP_NODELAY, enable ? 1 : 0);
  }

  /** `delay` in seconds before the first probe, as uv_tcp_keepalive. */
  setKeepAlive(enable: boolean, delay: number): number {
    if (this.fd < 0) return 0;
    const err = setsockoptInt(this.fd, SOL_SOCKET, SO_KEEPALIVE, enable ? 1 : 0);
    if (err < 0 || !enable || delay <= 0) return err;
    return setsockoptInt(this.fd, IPPROTO_TCP, TCP_KEEPIDLE, delay);
  }
}

/** The sockaddr of an IP literal; anything else is EINVAL (names arrive resolved). */
function inetAddress(address: string, port: number): Buffer | number {
  try {
    return encodeInet(address, port);
  } catch {
    return UV_EINVAL;
  }
}

function fill(out: Partial<AddressInfo>, r: SocketAddress | number): number {
  if (typeof r === 'number') return r;
  if (r.family === 'unix') return UV_EINVAL;
  out.address = r.address;
  out.family = r.family;
  out.port = r.port;
  return 0;
}
