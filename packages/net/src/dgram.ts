/**
 * node:dgram on the UDP handle.
 *
 * A socket moves through two small state machines, as Node's does:
 *
 *   bind:    UNBOUND ── bind() ──> BINDING ── lookup, bind(2) ──> BOUND ('listening')
 *                ^──────────────── error ('error') ──────┘
 *   connect: DISCONNECTED ── connect() ──> CONNECTING ──> CONNECTED ('connect')
 *
 * Sends and connects issued before the socket is bound (a first send binds
 * implicitly to port 0) wait in `queue` and replay on 'listening'; a bind
 * error drops them. Addresses go through `lookup` (dns.lookup's shape)
 * before every unconnected send, so a send's callback and any error come
 * a tick later at the earliest, as in Node.
 *
 * A send tries the kernel at once (libuv's try_send) and reports on the
 * next tick; only when the kernel pushes back is it queued on the handle,
 * and its callback then runs from the loop when the queue drains.
 */
import { EventEmitter } from 'node:events';
import { promisify } from 'node:util';
import { UDP, UdpSendRequest, UV_UDP_IPV6ONLY, UV_UDP_REUSEADDR, type Family, type RemoteInfo } from './handles/udp.js';
import {
  UV_EAGAIN,
  codedError,
  errnoException,
  exceptionWithHostPort,
  uvErrorContext,
  validateAbortSignal,
  validateFunction,
  validateNumber,
  validatePort,
  validateString,
  validateUint32,
  ReflectApply,
  adoptable,
  callableClass,
} from '@mini/sys';
import { lookup as defaultLookup, type LookupCallback, type LookupFunction } from './lookup.js';
import { clusterWorker } from './cluster-hook.js';

type AddressCallback = (err: Error | null, address?: string, family?: number) => void;

export type SocketType = 'udp4' | 'udp6';

export interface SocketOptions {
  type: SocketType;
  reuseAddr?: boolean;
  ipv6Only?: boolean;
  recvBufferSize?: number;
  sendBufferSize?: number;
  lookup?: LookupFunction;
  signal?: AbortSignal;
}

export interface BindOptions {
  port?: number;
  address?: string;
  exclusive?: boolean;
  fd?: number;
}

export interface AddressInfo {
  address: string;
  family: string;
  port: number;
}

export interface MessageInfo extends RemoteInfo {
  size: number;
}

type Callback = (...args: unknown[]) => void;
type SendCb = (err: Error | null, bytes?: number) => void;
/** What a datagram may be given as. */
export type Message = string | ArrayBufferView | readonly (string | ArrayBufferView)[];
type Datagram = readonly Buffer[];

const enum BindState {
  UNBOUND,
  BINDING,
  BOUND,
}

const enum ConnectState {
  DISCONNECTED,
  CONNECTING,
  CONNECTED,
}

const kState = Symbol('state symbol');

/** What a datagram may be given as, in Node's words. */
const BUFFER_TYPES = ['string', 'Buffer', 'TypedArray', 'DataView'];

interface State {
  handle: UDP | null;
  receiving: boolean;
  bindState: BindState;
  connectState: ConnectState;
  /** Work waiting for 'listening'. */
  queue: (() => void)[] | undefined;
  reuseAddr: boolean | undefined;
  ipv6Only: boolean | undefined;
  recvBufferSize: number | undefined;
  sendBufferSize: number | undefined;
  /** lookup bound to the socket's family, with Node's defaults for an empty address. */
  lookup: (address: string | undefined, cb: AddressCallback) => void;
}

class Socket extends adoptable(EventEmitter) {
  readonly type: SocketType;
  [kState]: State;

  constructor(type: SocketType | SocketOptions, listener?: (msg: Buffer, rinfo: MessageInfo) => void) {
    super();
    let options: Partial<SocketOptions> | undefined;
    let lookup: LookupFunction | undefined;
    let kind: unknown = type;
    if (type !== null && typeof type === 'object') {
      options = type;
      kind = options.type;
      lookup = options.lookup;
      if (options.recvBufferSize) validateUint32(options.recvBufferSize, 'options.recvBufferSize');
      if (options.sendBufferSize) validateUint32(options.sendBufferSize, 'options.sendBufferSize');
    }
    if (lookup !== undefined) validateFunction(lookup, 'lookup');
    if (kind !== 'udp4' && kind !== 'udp6') throw codedError('ERR_SOCKET_BAD_TYPE');
    this.type = kind;
    const resolve = lookup ?? defaultLookup;
    const family: Family = kind === 'udp4' ? 4 : 6;
    const fallback = family === 4 ? '127.0.0.1' : '::1';
    if (typeof listener === 'function') this.on('message', listener);
    this[kState] = {
      handle: new UDP(),
      receiving: false,
      bindState: BindState.UNBOUND,
      connectState: ConnectState.DISCONNECTED,
      queue: undefined,
      reuseAddr: options?.reuseAddr,
      ipv6Only: options?.ipv6Only,
      recvBufferSize: options?.recvBufferSize,
      sendBufferSize: options?.sendBufferSize,
      // Asked for one address (a family, not `all`), so the answer is a string.
      lookup: (address, cb) => void resolve(address || fallback, family, cb as LookupCallback),
    };
    const signal = options?.signal;
    validateAbortSignal(signal, 'options.signal');
    if (signal !== undefined) {
      const onAbort = () => {
        if (this[kState].handle) this.close();
      };
      if (signal.aborted) onAbort();
      else {
        signal.addEventListener('abort', onAbort, { once: true });
        this.once('close', () => signal.removeEventListener('abort', onAbort));
      }
    }
  }

  // ---- bind ------------------------------------------------------------------

  bind(port?: number | BindOptions | UDP | null | Callback, address?: string | Callback, callback?: Callback): this;
  bind(...args: unknown[]): this {
    let port = args[0];
    const address_ = args[1];
    healthCheck(this);
    const state = this[kState];
    if (state.bindState !== BindState.UNBOUND) throw codedError('ERR_SOCKET_ALREADY_BOUND');
    state.bindState = BindState.BINDING;

    const cb = args.length > 0 ? args[args.length - 1] : undefined;
    if (typeof cb === 'function') {
      const removeListeners = () => {
        this.removeListener('error', removeListeners);
        this.removeListener('listening', onListening);
      };
      const onListening = () => {
        removeListeners();
        ReflectApply(cb as Callback, this, []);
      };
      this.on('error', removeListeners);
      this.on('listening', onListening);
    }

    // A UDP handle made elsewhere (received from another process): it replaces ours.
    if (port instanceof UDP) {
      state.handle!.close();
      state.handle = port;
      startListening(this);
      return this;
    }

    if (port !== null && typeof port === 'object') {
      const fd = (port as BindOptions).fd;
      if (typeof fd === 'number' && (fd | 0) === fd && fd > 0) {
        const err = state.handle!.open(fd);
        if (err) throw errnoException(err, 'open');
        startListening(this);
        return this;
      }
    }

    let address: unknown;
    let exclusive = false;
    if (port !== null && typeof port === 'object') {
      const opts = port as BindOptions;
      address = opts.address || '';
      exclusive = Boolean(opts.exclusive);
      port = opts.port;
    } else {
      address = typeof address_ === 'function' ? '' : address_;
    }
    if (!address) address = this.type === 'udp4' ? '0.0.0.0' : '::';

    state.lookup(address as string, (err, ip) => {
      // Closed meanwhile.
      if (!state.handle) return;
      if (err) {
        state.bindState = BindState.UNBOUND;
        this.emit('error', err);
        return;
      }
      let flags = 0;
      if (state.reuseAddr) flags |= UV_UDP_REUSEADDR;
      if (state.ipv6Only) flags |= UV_UDP_IPV6ONLY;
      // In a cluster worker the primary binds, once for all the workers that ask for this address.
      const worker = clusterWorker();
      if (worker !== undefined && !exclusive) {
        const query = { address: ip!, port: port as number, addressType: this.type, fd: -1, flags };
        worker.getServer(this, query, (errno, handle) => {
          if (errno !== 0) {
            state.bindState = BindState.UNBOUND;
            this.emit('error', errnoException(errno, 'open'));
            return;
          }
          // Closed meanwhile.
          if (!state.handle) {
            handle!.close();
            return;
          }
          state.handle.close();
          state.handle = handle as UDP;
          startListening(this);
        });
        return;
      }
      // The C++ layer takes the port as a uint32; the kernel keeps 16 bits of it.
      const r = state.handle.bind(familyOf(this), ip!, Number(port || 0) >>> 0, flags);
      if (r) {
        state.bindState = BindState.UNBOUND;
        this.emit('error', exceptionWithHostPort(r, 'bind', ip, port));
        return;
      }
      startListening(this);
    });
    return this;
  }

  // ---- connect ---------------------------------------------------------------

  connect(port: number, address?: string | Callback, callback?: Callback): void {
    const p = validatePort(port, 'Port', false);
    let addr: unknown = address;
    let cb = callback;
    if (typeof addr === 'function') {
      cb = addr as Callback;
      addr = '';
    } else if (addr === undefined) {
      addr = '';
    }
    validateString(addr, 'address');
    const state = this[kState];
    if (state.connectState !== ConnectState.DISCONNECTED) throw codedError('ERR_SOCKET_DGRAM_IS_CONNECTED');
    state.connectState = ConnectState.CONNECTING;
    if (state.bindState === BindState.UNBOUND) this.bind({ port: 0, exclusive: true }, null as unknown as Callback);
    const target = addr;
    if (state.bindState !== BindState.BOUND) {
      enqueue(this, () => this.doConnect(p, target, cb));
      return;
    }
    this.doConnect(p, target, cb);
  }

  private doConnect(port: number, address: string, callback: Callback | undefined): void {
    const state = this[kState];
    if (callback) this.once('connect', callback);
    state.lookup(address, (lookupErr, ip) => {
      if (!state.handle) return;
      let ex: Error | null = lookupErr;
      if (!ex) {
        const r = state.handle.connect(familyOf(this), ip!, port);
        if (r) ex = exceptionWithHostPort(r, 'connect', address, port);
      }
      if (ex) {
        const failure = ex;
        state.connectState = ConnectState.DISCONNECTED;
        process.nextTick(() => {
          if (callback) {
            this.removeListener('connect', callback);
            callback(failure);
          } else {
            this.emit('error', failure);
          }
        });
        return;
      }
      state.connectState = ConnectState.CONNECTED;
      process.nextTick(() => this.emit('connect'));
    });
  }

  disconnect(): void {
    const state = this[kState];
    if (state.connectState !== ConnectState.CONNECTED) throw codedError('ERR_SOCKET_DGRAM_NOT_CONNECTED');
    const r = state.handle!.disconnect();
    if (r) throw errnoException(r, 'connect');
    state.connectState = ConnectState.DISCONNECTED;
  }

  // ---- send --------------------------------------------------------------------

  send(msg: Message, port?: number, address?: string, callback?: SendCb): void;
  send(msg: Message, port?: number, callback?: SendCb): void;
  send(msg: Message, callback?: SendCb): void;
  send(msg: Message, offset: number, length: number, port?: number, address?: string, callback?: SendCb): void;
  send(msg: Message, offset: number, length: number, port?: number, callback?: SendCb): void;
  send(msg: Message, offset: number, length: number, callback?: SendCb): void;
  send(buffer: unknown, offset?: unknown, length?: unknown, port?: unknown, address?: unknown, callback?: unknown): void {
    let list: Buffer[] | null;
    const state = this[kState];
    const connected = state.connectState === ConnectState.CONNECTED;
    // Argument shapes as Node reads them: (msg, [offset, length,] port, address, cb)
    // unconnected; (msg, [offset, length,] cb) connected.
    if (!connected) {
      if (address || (port && typeof port !== 'function')) {
        buffer = sliceBuffer(buffer, offset, length);
      } else {
        callback = port;
        port = offset;
        address = length;
      }
    } else {
      if (typeof length === 'number') {
        buffer = sliceBuffer(buffer, offset, length);
        if (typeof port === 'function') {
          callback = port;
          port = null;
        }
      } else {
        callback = offset;
      }
      if (port || address) throw codedError('ERR_SOCKET_DGRAM_IS_CONNECTED');
    }

    if (!Array.isArray(buffer)) {
      if (typeof buffer === 'string') list = [Buffer.from(buffer)];
      else if (!ArrayBuffer.isView(buffer)) throw codedError('ERR_INVALID_ARG_TYPE', 'buffer', BUFFER_TYPES, buffer);
      else list = [asBuffer(buffer)];
    } else if (!(list = fixBufferList(buffer))) {
      throw codedError('ERR_INVALID_ARG_TYPE', 'buffer list arguments', BUFFER_TYPES, buffer);
    }

    let portNumber = 0;
    if (!connected) portNumber = validatePort(port, 'Port', false);
    let cb = typeof callback === 'function' ? (callback as SendCb) : undefined;
    if (typeof address === 'function') {
      cb = address as SendCb;
      address = undefined;
    } else if (address != null) {
      validateString(address, 'address');
    }
    healthCheck(this);
    if (state.bindState === BindState.UNBOUND) this.bind({ port: 0, exclusive: true }, null as unknown as Callback);
    if (list.length === 0) list.push(Buffer.alloc(0));

    const datagram = list;
    const dest = address as string | undefined;
    if (state.bindState !== BindState.BOUND) {
      // Replays through send() once bound: the list is already normalised.
      enqueue(this, () => this.send(datagram, portNumber, dest, cb));
      return;
    }
    if (!connected) {
      state.lookup(dest, (ex, ip) => this.doSend(ex, ip, datagram, dest, portNumber, cb));
    } else {
      this.doSend(null, undefined, datagram, dest, portNumber, cb);
    }
  }

  private doSend(
    ex: Error | null,
    ip: string | undefined,
    list: Datagram,
    address: string | undefined,
    port: number,
    callback: SendCb | undefined,
  ): void {
    const state = this[kState];
    if (ex) {
      if (callback) process.nextTick(callback, ex);
      else process.nextTick(() => this.emit('error', ex));
      return;
    }
    const handle = state.handle;
    if (!handle) return;
    const family = familyOf(this);
    const to = port ? ip : undefined;
    let r = handle.trySend(list, family, to, port);
    if (r >= 0) {
      if (callback) process.nextTick(callback, null, r);
      return;
    }
    if (r === UV_EAGAIN) {
      // The kernel pushed back (or datagrams are queued ahead): queue this
      // one; its callback comes from the loop when it has gone out.
      const done = callback
        ? (status: number, size: number) => {
            callback(status < 0 ? exceptionWithHostPort(status, 'send', address, port) : null, size);
          }
        : undefined;
      r = handle.send(new UdpSendRequest(handle.loop), list, family, to, port, done);
      if (r === 0) return;
    }
    // Reported to the callback only: Node never emits a failed send as 'error'.
    if (callback) process.nextTick(callback, exceptionWithHostPort(r, 'send', address, port));
  }

  /** Deprecated alias with stricter argument checks. */
  sendto(buffer: unknown, offset: unknown, length: unknown, port: unknown, address: unknown, callback?: unknown): void {
    validateNumber(offset, 'offset');
    validateNumber(length, 'length');
    validateNumber(port, 'port');
    validateString(address, 'address');
    (this.send as (...args: unknown[]) => void)(buffer, offset, length, port, address, callback);
  }

  // ---- close -------------------------------------------------------------------

  close(callback?: () => void): this {
    const state = this[kState];
    if (typeof callback === 'function') this.on('close', callback);
    if (state.queue !== undefined) {
      state.queue.push(() => this.close());
      return this;
    }
    healthCheck(this);
    stopReceiving(this);
    state.handle!.close();
    state.handle = null;
    process.nextTick(() => this.emit('close'));
    return this;
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (!this[kState].handle) return;
    await promisify((cb: () => void) => this.close(cb))();
  }

  // ---- addresses ---------------------------------------------------------------

  address(): AddressInfo {
    healthCheck(this);
    const r = this[kState].handle!.getsockname();
    if (typeof r === 'number') throw errnoException(r, 'getsockname');
    return r;
  }

  remoteAddress(): AddressInfo {
    healthCheck(this);
    const state = this[kState];
    if (state.connectState !== ConnectState.CONNECTED) throw codedError('ERR_SOCKET_DGRAM_NOT_CONNECTED');
    const r = state.handle!.getpeername();
    if (typeof r === 'number') throw errnoException(r, 'getpeername');
    return r;
  }

  // ---- options -----------------------------------------------------------------

  setBroadcast(flag: boolean): void {
    const r = handleOf(this, 'setBroadcast').setBroadcast(!!flag);
    if (r) throw errnoException(r, 'setBroadcast');
  }

  setTTL(ttl: number): number {
    validateNumber(ttl, 'ttl');
    const r = handleOf(this, 'setTTL').setTTL(ttl | 0);
    if (r) throw errnoException(r, 'setTTL');
    return ttl;
  }

  setMulticastTTL(ttl: number): number {
    validateNumber(ttl, 'ttl');
    const r = handleOf(this, 'setMulticastTTL').setMulticastTTL(ttl | 0);
    if (r) throw errnoException(r, 'setMulticastTTL');
    return ttl;
  }

  setMulticastLoopback(flag: boolean): boolean {
    const r = handleOf(this, 'setMulticastLoopback').setMulticastLoopback(!!flag);
    if (r) throw errnoException(r, 'setMulticastLoopback');
    return flag;
  }

  setMulticastInterface(interfaceAddress: string): void {
    healthCheck(this);
    validateString(interfaceAddress, 'interfaceAddress');
    const r = this[kState].handle!.setMulticastInterface(interfaceAddress);
    if (r) throw errnoException(r, 'setMulticastInterface');
  }

  addMembership(multicastAddress: string, interfaceAddress?: string): void {
    this.membership(multicastAddress, interfaceAddress, true, 'addMembership');
  }

  dropMembership(multicastAddress: string, interfaceAddress?: string): void {
    this.membership(multicastAddress, interfaceAddress, false, 'dropMembership');
  }

  private membership(group: unknown, iface: unknown, join: boolean, syscall: string): void {
    healthCheck(this);
    if (!group) throw codedError('ERR_MISSING_ARGS', 'multicastAddress');
    const r = this[kState].handle!.setMembership(String(group), iface == null ? undefined : String(iface), join);
    if (r) throw errnoException(r, syscall);
  }

  addSourceSpecificMembership(sourceAddress: string, groupAddress: string, interfaceAddress?: string): void {
    this.sourceMembership(sourceAddress, groupAddress, interfaceAddress, true, 'addSourceSpecificMembership');
  }

  dropSourceSpecificMembership(sourceAddress: string, groupAddress: string, interfaceAddress?: string): void {
    this.sourceMembership(sourceAddress, groupAddress, interfaceAddress, false, 'dropSourceSpecificMembership');
  }

  private sourceMembership(source: unknown, group: unknown, iface: unknown, join: boolean, syscall: string): void {
    healthCheck(this);
    validateString(source, 'sourceAddress');
    validateString(group, 'groupAddress');
    const r = this[kState].handle!.setSourceMembership(source, group, iface == null ? undefined : String(iface), join);
    if (r) throw errnoException(r, syscall);
  }

  setRecvBufferSize(size: number): void {
    bufferSize(this, size, true);
  }

  setSendBufferSize(size: number): void {
    bufferSize(this, size, false);
  }

  getRecvBufferSize(): number {
    return bufferSize(this, 0, true);
  }

  getSendBufferSize(): number {
    return bufferSize(this, 0, false);
  }

  getSendQueueSize(): number {
    return handleOf(this, 'getSendQueueSize').getSendQueueSize();
  }

  getSendQueueCount(): number {
    return handleOf(this, 'getSendQueueCount').getSendQueueCount();
  }

  ref(): this {
    this[kState].handle?.ref();
    return this;
  }

  unref(): this {
    this[kState].handle?.unref();
    return this;
  }
}

// Bundlers rename clashing classes (net has a Socket too); Node prints this
// name in "Emitted 'error' event on Socket instance" and in inspect output.
Object.defineProperty(Socket, 'name', { value: 'Socket' });

/** dgram.Socket as Node exports it: callable without `new`, inheritable the old way. */
const SocketConstructor = callableClass(Socket, 'Socket');
type SocketConstructor = Socket;
export { SocketConstructor as Socket };

export function createSocket(type: SocketType | SocketOptions, listener?: (msg: Buffer, rinfo: MessageInfo) => void): Socket {
  return new Socket(type, listener);
}

// ---- internals ---------------------------------------------------------------

function familyOf(socket: Socket): Family {
  return socket.type === 'udp4' ? 4 : 6;
}

function healthCheck(socket: Socket): void {
  if (!socket[kState].handle) throw codedError('ERR_SOCKET_DGRAM_NOT_RUNNING');
}

/** Setters Node leaves unchecked fail on a closed socket with the TypeError of a null property read. */
function handleOf(socket: Socket, method: string): UDP {
  const handle = socket[kState].handle;
  if (!handle) throw new TypeError(`Cannot read properties of null (reading '${method}')`);
  return handle;
}

function startListening(socket: Socket): void {
  const state = socket[kState];
  const handle = state.handle!;
  handle.recvStart((nread, buf, rinfo) => {
    if (nread < 0) {
      socket.emit('error', errnoException(nread, 'recvmsg'));
      return;
    }
    const info = rinfo as MessageInfo;
    info.size = buf!.length;
    socket.emit('message', buf, info);
  });
  state.receiving = true;
  state.bindState = BindState.BOUND;
  if (state.recvBufferSize) bufferSize(socket, state.recvBufferSize, true);
  if (state.sendBufferSize) bufferSize(socket, state.sendBufferSize, false);
  socket.emit('listening');
}

function stopReceiving(socket: Socket): void {
  const state = socket[kState];
  if (!state.receiving) return;
  state.handle!.recvStop();
  state.receiving = false;
}

function enqueue(socket: Socket, work: () => void): void {
  const state = socket[kState];
  if (state.queue === undefined) {
    state.queue = [];
    socket.once(EventEmitter.errorMonitor, onListenError);
    socket.once('listening', onListenSuccess);
  }
  state.queue.push(work);
}

function onListenSuccess(this: Socket): void {
  this.removeListener(EventEmitter.errorMonitor, onListenError);
  const queue = this[kState].queue!;
  this[kState].queue = undefined;
  for (const work of queue) work();
}

function onListenError(this: Socket): void {
  this.removeListener('listening', onListenSuccess);
  this[kState].queue = undefined;
}

function bufferSize(socket: Socket, size: number, recv: boolean): number {
  if (size >>> 0 !== size) throw codedError('ERR_SOCKET_BAD_BUFFER_SIZE');
  const handle = handleOf(socket, 'bufferSize');
  const r = recv ? handle.recvBufferSize(size) : handle.sendBufferSize(size);
  if (r < 0) throw codedError('ERR_SOCKET_BUFFER_SIZE', uvErrorContext(r, recv ? 'uv_recv_buffer_size' : 'uv_send_buffer_size'));
  return r;
}

function asBuffer(view: ArrayBufferView): Buffer {
  return Buffer.isBuffer(view) ? view : Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

function sliceBuffer(buffer: unknown, offset: unknown, length: unknown): Buffer {
  let buf: ArrayBufferView;
  if (typeof buffer === 'string') buf = Buffer.from(buffer);
  else if (!ArrayBuffer.isView(buffer)) throw codedError('ERR_INVALID_ARG_TYPE', 'buffer', BUFFER_TYPES, buffer);
  else buf = buffer;
  const off = Number(offset) >>> 0;
  const len = Number(length) >>> 0;
  if (off > buf.byteLength) throw codedError('ERR_BUFFER_OUT_OF_BOUNDS', 'offset');
  if (off + len > buf.byteLength) throw codedError('ERR_BUFFER_OUT_OF_BOUNDS', 'length');
  return Buffer.from(buf.buffer, buf.byteOffset + off, len);
}

function fixBufferList(list: unknown[]): Buffer[] | null {
  const out = new Array<Buffer>(list.length);
  for (let i = 0; i < list.length; i++) {
    const item = list[i];
    if (typeof item === 'string') out[i] = Buffer.from(item);
    else if (!ArrayBuffer.isView(item)) return null;
    else out[i] = Buffer.from(item.buffer, item.byteOffset, item.byteLength);
  }
  return out;
}

/** The UDP handle under a socket (Node's socket[kStateSymbol].handle), for passing it to another process. */
export function udpHandleOf(socket: Socket): UDP | null {
  return socket[kState].handle;
}
