/**
 * The UDP handle: libuv's uv_udp_t on our loop.
 *
 * HOW and WHY
 *
 * The socket is created lazily, as libuv does: by bind, connect, a send or
 * a membership change, whichever comes first (an implicit bind is to the
 * wildcard address, port 0). Until then `fd` is -1 and option setters fail
 * with EBADF from the kernel, exactly what Node reports.
 *
 * Receiving: EPOLLIN wakes `onIo`, which reads up to 32 datagrams
 * (libuv's bound, so one busy socket cannot starve the rest of the loop;
 * epoll is level-triggered and reports the rest next turn) into one 64 KiB
 * buffer shared by all handles, and hands each a copy of exactly its size.
 * Node drains nextTicks and microtasks after each message; so do we.
 *
 * Sending, two paths as in libuv:
 *
 *   trySend(bufs)  ── queue empty? ── sendto now ── bytes | -errno | -EAGAIN
 *   send(req, …)   ── queue empty? ── sendto now ─┬─ done: completed list
 *                         │ no                    └─ EAGAIN: stay queued,
 *                         └──── appended ──────────── watch EPOLLOUT
 *
 *   completed list ── pending phase (or the EPOLLOUT turn) ── req callbacks
 *
 * A queued request counts as a loop request while in flight; callbacks of
 * requests still queued at close run with ECANCELED before the close
 * callback, in the closing phase.
 */
import { Request, defaultLoop, drainTicks, type Loop } from '@mini/loop';
import {
  AF_UNSPEC,
  EPOLLIN,
  EPOLLOUT,
  F_GETFL,
  F_SETFL,
  IP_MULTICAST_LOOP,
  IP_MULTICAST_TTL,
  IP_TTL,
  IPPROTO_IPV6,
  IPV6_MULTICAST_HOPS,
  IPV6_MULTICAST_LOOP,
  IPV6_UNICAST_HOPS,
  IPV6_V6ONLY,
  lastError,
  O_NONBLOCK,
  SO_BROADCAST,
  SO_RCVBUF,
  SO_REUSEADDR,
  SO_SNDBUF,
  SOCK_DGRAM,
  SEND_MANY_MAX,
  SOCKADDR_MAX,
  sendMany,
  socket as sock,
  SOL_SOCKET,
  unistd,
  UV_EAFNOSUPPORT,
  UV_EAGAIN,
  UV_EALREADY,
  UV_EBUSY,
  UV_ECANCELED,
  UV_EDESTADDRREQ,
  UV_EINTR,
  UV_EINVAL,
  UV_EISCONN,
  UV_ENOBUFS,
  type SocketAddress,
} from '@mini/sys';
import { FdHandle, setsockoptInt, socketName } from './socket.js';
import { DestinationCache, SourceDecoder, anyAddress, domainOf, parseAddress, type Family, type RemoteInfo } from './udp-sockaddr.js';
import * as opt from './udp-sockopt.js';

export type { Family, RemoteInfo } from './udp-sockaddr.js';

/** Bind flags, libuv's values. */
export const UV_UDP_IPV6ONLY = 1;
export const UV_UDP_REUSEADDR = 4;

/** Datagrams read per readiness event, as libuv. */
const RECV_BATCH = 32;
/** Largest UDP payload plus headroom: no datagram is ever truncated. */
const RECV_BUFFER_SIZE = 64 * 1024;

/** nread < 0 is -errno (a recvmsg error); otherwise `buf` and `rinfo` are set. */
export type RecvCallback = (nread: number, buf: Buffer | undefined, rinfo: RemoteInfo | undefined) => void;
/** `status` is bytes sent or -errno; `size` the datagram's length either way (Node reports it as `sent`). */
export type SendCallback = (status: number, size: number) => void;

/** One queued datagram (libuv's uv_udp_send_t). */
export class UdpSendRequest extends Request {
  data: Buffer = EMPTY;
  /** Destination sockaddr, or undefined on a connected socket. */
  dest: Buffer | undefined;
  /** Bytes sent, or -errno. */
  status = 0;
  callback: SendCallback | undefined;
  next: UdpSendRequest | undefined;
  override resourceName(): string {
    return 'SendWrap';
  }
}

const EMPTY = Buffer.alloc(0);

// One receive buffer for every handle: each datagram is copied out before
// the next read.
let recvPool: Buffer | undefined;
const recvAddr = Buffer.alloc(SOCKADDR_MAX);
// trySendMany's datagrams, copied end to end for one native call.
const SEND_STAGE_SIZE = 64 * 1024;
let sendStage: Buffer | undefined;
const sendLengths = new Uint32Array(SEND_MANY_MAX);
const sendLengthBytes = new Uint8Array(sendLengths.buffer);
const recvAddrLen = Buffer.alloc(4);

export class UDP extends FdHandle {
  override get typeName(): string {
    return 'UDP';
  }

  override resourceName(): string | undefined {
    return 'UDPWrap';
  }

  /** The socket is AF_INET6 (libuv's UV_HANDLE_IPV6): picks option levels. */
  private ipv6 = false;
  private connected = false;
  private onRecv: RecvCallback | undefined;
  private readonly dests = new DestinationCache();
  private readonly sources = new SourceDecoder();
  // Send queue (FIFO) and the requests finished but not yet called back.
  private queueHead: UdpSendRequest | undefined;
  private queueTail: UdpSendRequest | undefined;
  private completed: UdpSendRequest[] = [];
  private completionQueued = false;
  /** Bytes and datagrams waiting in the send queue (Node's getSendQueueSize/Count). */
  sendQueueSize = 0;
  sendQueueCount = 0;

  constructor(loop: Loop = defaultLoop()) {
    super(loop);
  }

  // ---- socket lifecycle ------------------------------------------------------

  /** libuv's uv__udp_bind: create the socket if needed, set the flags, bind. */
  bind(family: Family, ip: string, port: number, flags: number): number {
    const addr = parseAddress(family, ip, port);
    if (typeof addr === 'number') return addr;
    return this.bindAddress(family, addr, flags);
  }

  private bindAddress(family: Family, addr: Buffer, flags: number): number {
    if (flags & UV_UDP_IPV6ONLY && family !== 6) return UV_EINVAL;
    let err = this.ensureSocket(domainOf(family), SOCK_DGRAM);
    if (err) return err;
    if (flags & UV_UDP_REUSEADDR) {
      err = setsockoptInt(this.fd, SOL_SOCKET, SO_REUSEADDR, 1);
      if (err) return err;
    }
    if (flags & UV_UDP_IPV6ONLY) {
      err = setsockoptInt(this.fd, IPPROTO_IPV6, IPV6_V6ONLY, 1);
      if (err) return err;
    }
    if (sock.bind(this.fd, addr, addr.length) < 0) {
      err = lastError();
      return err === UV_EAFNOSUPPORT ? UV_EINVAL : err;
    }
    if (family === 6) this.ipv6 = true;
    return 0;
  }

  /** Bind to the wildcard of `family` unless a socket exists (libuv's maybe_deferred_bind). */
  private implicitBind(family: Family, flags: number): number {
    if (this.fd !== -1) return 0;
    return this.bindAddress(family, anyAddress(family), flags);
  }

  /** Adopt an fd that already is a UDP socket (Node's `bind({ fd })`). */
  open(fd: number): number {
    if (this.fd !== -1) return UV_EBUSY;
    const flags = unistd.fcntl(fd, F_GETFL, 0);
    if (flags < 0) return lastError();
    if (unistd.fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0) return lastError();
    this.adopt(fd);
    const name = this.getsockname();
    if (typeof name !== 'number' && name.family === 'IPv6') this.ipv6 = true;
    // Any peer counts, whatever its family: sends then go without an address.
    if (typeof socketName(fd, 'getpeername') !== 'number') this.connected = true;
    return 0;
  }

  connect(family: Family, ip: string, port: number): number {
    const addr = parseAddress(family, ip, port);
    if (typeof addr === 'number') return addr;
    if (this.connected) return UV_EISCONN;
    const err = this.implicitBind(family, 0);
    if (err) return err;
    let r: number;
    do r = sock.connect(this.fd, addr, addr.length);
    while (r < 0 && lastError() === UV_EINTR);
    if (r < 0) return lastError();
    this.connected = true;
    return 0;
  }

  /** Dissolve the association: connect to AF_UNSPEC. */
  disconnect(): number {
    const unspec = Buffer.alloc(16);
    unspec.writeUInt16LE(AF_UNSPEC, 0);
    let r: number;
    do r = sock.connect(this.fd, unspec, unspec.length);
    while (r < 0 && lastError() === UV_EINTR);
    if (r < 0 && lastError() !== UV_EAFNOSUPPORT) return lastError();
    this.connected = false;
    return 0;
  }

  isConnected(): boolean {
    return this.connected;
  }

  // ---- receiving -------------------------------------------------------------

  recvStart(cb: RecvCallback): number {
    if (this.onRecv !== undefined) return UV_EALREADY;
    const err = this.implicitBind(4, 0);
    if (err) return err;
    this.onRecv = cb;
    this.watcher!.start(EPOLLIN);
    this.activate();
    return 0;
  }

  recvStop(): number {
    if (this.onRecv === undefined) return 0;
    this.onRecv = undefined;
    this.watcher?.stop(EPOLLIN);
    if (this.queueHead === undefined) this.deactivate();
    return 0;
  }

  protected onIo(events: number): void {
    if (events & EPOLLIN) this.readDatagrams();
    if (events & EPOLLOUT && !this.isClosing()) {
      this.flushQueue();
      this.runCompleted();
    }
  }

  private readDatagrams(): void {
    const pool = (recvPool ??= Buffer.allocUnsafeSlow(RECV_BUFFER_SIZE));
    for (let count = 0; count < RECV_BATCH; count++) {
      // Node drains ticks after each message (the loop drains after the
      // last); what they run may stop or close us.
      if (count > 0) drainTicks();
      const cb = this.onRecv;
      if (cb === undefined || this.fd === -1) return;
      recvAddrLen.writeUInt32LE(recvAddr.length, 0);
      const n = sock.recvfrom(this.fd, pool, RECV_BUFFER_SIZE, 0, recvAddr, recvAddrLen);
      if (n < 0) {
        const err = lastError();
        if (err === UV_EINTR) continue;
        if (err !== UV_EAGAIN) cb(err, undefined, undefined);
        return;
      }
      const rinfo = this.sources.decode(recvAddr, recvAddrLen.readUInt32LE(0));
      cb(n, this.datagram(pool, n), rinfo);
    }
  }

  /**
   * The buffer a datagram of `n` bytes, read into `pool`, is handed out in:
   * a copy that owns exactly its bytes, as Node's does. A subclass whose
   * receiver is done with each datagram when its callback returns may lend
   * the receive buffer itself (the next read overwrites it).
   */
  protected datagram(pool: Buffer, n: number): Buffer {
    const msg = Buffer.allocUnsafeSlow(n);
    pool.copy(msg, 0, 0, n);
    return msg;
  }

  // ---- sending ---------------------------------------------------------------

  /**
   * Check and prepare a send: the destination's sockaddr, or undefined for a
   * connected socket. Binds implicitly as libuv does.
   */
  private destination(family: Family, ip: string | undefined, port: number | undefined): Buffer | undefined | number {
    if (ip === undefined) return this.connected ? undefined : UV_EDESTADDRREQ;
    const addr = this.dests.get(family, ip, port ?? 0);
    if (typeof addr === 'number') return addr;
    if (this.connected) return UV_EISCONN;
    const err = this.implicitBind(family, 0);
    return err ? err : addr;
  }

  private sendNow(data: Buffer, dest: Buffer | undefined): number {
    let n: number;
    do {
      n = dest === undefined ? sock.send(this.fd, data, data.length, 0) : sock.sendto(this.fd, data, data.length, 0, dest, dest.length);
    } while (n < 0 && lastError() === UV_EINTR);
    return n < 0 ? lastError() : n;
  }

  /**
   * libuv's uv_udp_try_send: send now or fail; EAGAIN when the queue is not
   * empty or the kernel's buffer is full. Returns bytes sent or -errno.
   */
  trySend(bufs: readonly Buffer[], family: Family, ip?: string, port?: number): number {
    if (this.sendQueueCount !== 0) return UV_EAGAIN;
    const dest = this.destination(family, ip, port);
    if (typeof dest === 'number') return dest;
    const n = this.sendNow(joinBuffers(bufs), dest);
    return n === UV_ENOBUFS ? UV_EAGAIN : n;
  }

  /**
   * uv_udp_try_send2 on a connected socket: send `bufs` now, as many as the
   * kernel takes, with one sendmmsg per 64. Returns how many were sent, or
   * -errno when not even the first was (EAGAIN also when sends are queued:
   * they go first).
   */
  trySendMany(bufs: readonly Buffer[]): number {
    if (this.sendQueueCount !== 0) return UV_EAGAIN;
    if (!this.connected) return UV_EDESTADDRREQ;
    const stage = (sendStage ??= Buffer.allocUnsafeSlow(SEND_STAGE_SIZE));
    let sent = 0;
    while (sent < bufs.length) {
      let n = 0;
      let at = 0;
      for (; sent + n < bufs.length && n < SEND_MANY_MAX; n++) {
        const b = bufs[sent + n]!;
        // A datagram is at most 64 KiB: the first always fits.
        if (at + b.length > SEND_STAGE_SIZE) break;
        stage.set(b, at);
        sendLengths[n] = b.length;
        at += b.length;
      }
      const r = sendMany().mini_send_many(this.fd, stage, sendLengthBytes, n);
      if (r < 0) {
        const err = lastError();
        if (sent > 0) return sent;
        return err === UV_ENOBUFS ? UV_EAGAIN : err;
      }
      sent += r;
      if (r < n) break;
    }
    return sent;
  }

  /**
   * libuv's uv_udp_send: queue the datagram, sending at once when nothing is
   * queued ahead of it. `cb(status, sent)` always runs later, from the loop.
   * Returns 0 or -errno (nothing queued then).
   */
  send(
    req: UdpSendRequest,
    bufs: readonly Buffer[],
    family: Family,
    ip: string | undefined,
    port: number | undefined,
    cb: SendCallback | undefined,
  ): number {
    const dest = this.destination(family, ip, port);
    if (typeof dest === 'number') return dest;
    req.data = joinBuffers(bufs);
    req.dest = dest;
    req.callback = cb;
    req.status = 0;
    req.next = undefined;
    req.start();
    const wasEmpty = this.queueHead === undefined;
    if (this.queueTail === undefined) this.queueHead = req;
    else this.queueTail.next = req;
    this.queueTail = req;
    this.sendQueueSize += req.data.length;
    this.sendQueueCount++;
    this.activate();
    if (wasEmpty) this.flushQueue();
    if (this.queueHead !== undefined) this.watcher!.start(EPOLLOUT);
    return 0;
  }

  /** Send from the head of the queue until it is empty or the kernel says EAGAIN. */
  private flushQueue(): void {
    let req = this.queueHead;
    while (req !== undefined) {
      const n = this.sendNow(req.data, req.dest);
      if (n === UV_EAGAIN || n === UV_ENOBUFS) break;
      req.status = n;
      this.queueHead = req.next;
      if (this.queueHead === undefined) this.queueTail = undefined;
      req.next = undefined;
      this.completed.push(req);
      req = this.queueHead;
    }
    if (this.completed.length > 0 && !this.completionQueued) {
      this.completionQueued = true;
      this.loop.queuePending(() => {
        this.completionQueued = false;
        this.runCompleted();
      });
    }
    if (this.queueHead === undefined) this.watcher?.stop(EPOLLOUT);
  }

  private runCompleted(): void {
    const done = this.completed;
    if (done.length === 0) return;
    this.completed = [];
    let i = 0;
    try {
      for (; i < done.length; i++) {
        const req = done[i]!;
        this.sendQueueSize -= req.data.length;
        this.sendQueueCount--;
        req.finish();
        const cb = req.callback;
        const size = req.data.length;
        req.callback = undefined;
        req.data = EMPTY;
        if (cb !== undefined) this.loop.invoke(() => cb(req.status, size), 'UDP send');
      }
    } finally {
      // A throwing callback leaves the rest for the next turn.
      if (i + 1 < done.length) {
        this.completed = done.slice(i + 1).concat(this.completed);
        this.completionQueued = true;
        this.loop.queuePending(() => {
          this.completionQueued = false;
          this.runCompleted();
        });
      }
      if (this.queueHead === undefined && this.completed.length === 0 && this.onRecv === undefined) this.deactivate();
    }
  }

  getSendQueueSize(): number {
    return this.sendQueueSize;
  }

  getSendQueueCount(): number {
    return this.sendQueueCount;
  }

  // ---- options -----------------------------------------------------------------

  setBroadcast(on: boolean): number {
    return setsockoptInt(this.fd, SOL_SOCKET, SO_BROADCAST, on ? 1 : 0);
  }

  setTTL(ttl: number): number {
    if (ttl < 1 || ttl > 255) return UV_EINVAL;
    return opt.setIpOption(this.fd, this.ipv6, IP_TTL, IPV6_UNICAST_HOPS, ttl);
  }

  setMulticastTTL(ttl: number): number {
    if (ttl < 0 || ttl > 255) return UV_EINVAL;
    return opt.setIpOption(this.fd, this.ipv6, IP_MULTICAST_TTL, IPV6_MULTICAST_HOPS, ttl);
  }

  setMulticastLoopback(on: boolean): number {
    return opt.setIpOption(this.fd, this.ipv6, IP_MULTICAST_LOOP, IPV6_MULTICAST_LOOP, on ? 1 : 0);
  }

  setMulticastInterface(iface: string): number {
    return opt.setMulticastInterface(this.fd, iface);
  }

  /** Join or leave a group; an unbound handle binds first, with SO_REUSEADDR, as libuv. */
  setMembership(group: string, iface: string | undefined, join: boolean): number {
    const family = groupFamily(group);
    if (family === undefined) return UV_EINVAL;
    const err = this.implicitBind(family, UV_UDP_REUSEADDR);
    if (err) return err;
    return opt.setMembership(this.fd, group, iface, join);
  }

  setSourceMembership(source: string, group: string, iface: string | undefined, join: boolean): number {
    const family = groupFamily(group);
    if (family === undefined) return UV_EINVAL;
    const err = this.implicitBind(family, UV_UDP_REUSEADDR);
    if (err) return err;
    return opt.setSourceMembership(this.fd, source, group, iface, join);
  }

  /** `value` 0 reads the size; returns the size or -errno. */
  recvBufferSize(value: number): number {
    return opt.bufferSize(this.fd, SO_RCVBUF, value);
  }

  sendBufferSize(value: number): number {
    return opt.bufferSize(this.fd, SO_SNDBUF, value);
  }

  // ---- addresses -------------------------------------------------------------

  getsockname(): RemoteInfo | number {
    return inetInfo(this.addressOf('getsockname'));
  }

  getpeername(): RemoteInfo | number {
    return inetInfo(this.addressOf('getpeername'));
  }

  // ---- closing ---------------------------------------------------------------

  protected onClose(): void {
    this.onRecv = undefined;
    this.closeFd();
    this.deactivate();
  }

  /** Queued sends are cancelled, their callbacks run before the close callback (libuv's uv__udp_finish_close). */
  override finishClose(): void {
    for (let req = this.queueHead; req !== undefined; req = req.next) {
      req.status = UV_ECANCELED;
      this.completed.push(req);
    }
    this.queueHead = this.queueTail = undefined;
    try {
      this.runCompleted();
    } finally {
      super.finishClose();
    }
  }
}

/** Node's address() shape for an inet address; a Unix one is not a UDP address. */
function inetInfo(a: SocketAddress | number): RemoteInfo | number {
  if (typeof a === 'number') return a;
  if (a.family === 'unix') return UV_EINVAL;
  return { address: a.address, family: a.family, port: a.port };
}

function groupFamily(group: string): Family | undefined {
  const probe4 = parseAddress(4, group, 0);
  if (typeof probe4 !== 'number') return 4;
  const probe6 = parseAddress(6, group, 0);
  return typeof probe6 !== 'number' ? 6 : undefined;
}

/** A datagram is one buffer: a list is joined (one copy) instead of built into an iovec. */
function joinBuffers(bufs: readonly Buffer[]): Buffer {
  if (bufs.length === 1) return bufs[0]!;
  if (bufs.length === 0) return EMPTY;
  return Buffer.concat(bufs);
}
