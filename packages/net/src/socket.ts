/**
 * net.Socket: a stream.Duplex over a TCP or Pipe handle.
 *
 * The stream machinery is the host's own (buffering, 'drain', 'finish',
 * 'end', autoDestroy); this file connects it to the handle:
 *
 *   _read     → handle.readStart; onread pushes, readStop on backpressure
 *   _write(v) → handle.writev; the callback runs at once when the kernel
 *               took everything, else from the write completion
 *   _final    → handle.shutdown (half-close), 'finish' after it completes
 *   _destroy  → handle.close; 'close' (hadError) from the close callback,
 *               i.e. the loop's closing phase, after any 'error' tick
 *
 * Event order is Node's because the same stream library drives it and the
 * handle calls back at the same loop phases as libuv.
 */
import { Duplex, type DuplexOptions } from 'node:stream';
import { defaultLoop } from '@mini/loop';
import {
  setNonBlocking,
  isIP,
  AI_ADDRCONFIG,
  UV_ENOTCONN,
  UV_EOF,
  codedError,
  errnoException,
  exceptionWithHostPort,
  validateFunction,
  validateNumber,
  validatePort,
  validateString,
  type SystemError,
  ReflectApply,
  adoptable,
  copyProperties,
} from '@mini/sys';
import { clearTimeout, restartTimeout, setTimeout, type Timeout } from '@mini/timers';
import { ConnectReq, ShutdownReq, WriteReq, type StreamHandle } from './handles/stream.js';
import { TCP, type AddressInfo } from './handles/tcp.js';
import { Pipe } from './handles/pipe.js';
import { guessHandleType } from './handles/tty.js';
import { normalizeArgs, type ConnectOptions } from './args.js';
import {
  getDefaultAutoSelectFamily,
  getDefaultAutoSelectFamilyAttemptTimeout,
  lookup as systemLookup,
  type LookupFunction,
  type LookupOptions,
} from './lookup.js';

const TIMEOUT_MAX = 2 ** 31 - 1;

export interface SocketOptions {
  handle?: StreamHandle;
  /** An open stream socket to take over (closed with the socket). */
  fd?: number;
  allowHalfOpen?: boolean;
  readable?: boolean;
  writable?: boolean;
  pauseOnCreate?: boolean;
  manualStart?: boolean;
  highWaterMark?: number;
  noDelay?: boolean;
  keepAlive?: boolean;
  keepAliveInitialDelay?: number;
  signal?: AbortSignal;
}

/** What the server needs of a socket it counts; avoids a module cycle. */
export interface ConnectionCounter {
  _connections: number;
  _emitCloseIfDrained(): void;
}

/**
 * A TCP or Pipe handle on a descriptor given by the caller (Node's
 * createHandle): anything else is ERR_INVALID_FD_TYPE, named as Node
 * names it ('FILE', 'TTY', 'UDP', 'UNKNOWN').
 */
export function streamHandleForFd(fd: number): StreamHandle {
  const type = guessHandleType(fd);
  if (type !== 'TCP' && type !== 'PIPE') throw codedError('ERR_INVALID_FD_TYPE', type);
  setNonBlocking(fd, true);
  return type === 'TCP' ? new TCP(defaultLoop(), fd) : new Pipe(defaultLoop(), fd);
}

type Chunk = { chunk: Buffer | string; encoding: BufferEncoding };

/**
 * Where a write of strings, or of several chunks (an http head and its
 * body), is laid out as the bytes that go on the wire: strings are encoded
 * straight into it, with no Buffer of their own, and the handle sends it at
 * once (see writeTransient). A write that may not fit goes as it came.
 */
const STAGE_SIZE = 64 * 1024;
const stage = Buffer.allocUnsafeSlow(STAGE_SIZE);
/** Encodings whose bytes never outnumber three per UTF-16 unit, and which Buffer#write encodes as Buffer.from does. */
const STAGED_ENCODINGS = new Set<string>(['utf8', 'utf-8', 'latin1', 'binary', 'ascii']);

/** Encode `s` into the stage at `at`; the new end, or -1 when it may not fit or is not a plain encoding. */
function stageString(s: string, encoding: BufferEncoding, at: number): number {
  if (at + s.length * 3 > STAGE_SIZE || !STAGED_ENCODINGS.has(encoding)) return -1;
  return s.length === 0 ? at : at + stage.write(s, at, encoding);
}

/** Lay `chunks` out in the stage; their byte count, or -1 when they may not fit. */
function stageChunks(chunks: Chunk[]): number {
  let at = 0;
  for (let i = 0; i < chunks.length; i++) {
    const { chunk, encoding } = chunks[i]!;
    if (typeof chunk === 'string') {
      at = stageString(chunk, encoding, at);
      if (at < 0) return -1;
    } else {
      if (at + chunk.byteLength > STAGE_SIZE) return -1;
      stage.set(chunk, at);
      at += chunk.byteLength;
    }
  }
  return at;
}

/** Sets a socket's #dataConsumer from outside the class (consumeData); assigned in Socket's static block. */
let setDataConsumer: (socket: Socket, consumer: DataConsumer | undefined) => void;

export class Socket extends adoptable(Duplex) {
  connecting = false;
  _handle: StreamHandle | null = null;
  _host: string | null = null;
  _peername: Partial<AddressInfo> | null = null;
  _sockname: Partial<AddressInfo> | null = null;
  _pendingData: unknown = null;
  _pendingEncoding = '';
  server: unknown = null;
  _server: ConnectionCounter | null = null;
  /**
   * The idle timeout: one Timeout for the socket's life, started over by
   * each setTimeout (an http server does so for every request) and kept,
   * cleared, by setTimeout(0); a cleared Timeout ignores refresh() and a
   * second clearTimeout.
   */
  private timer: Timeout | undefined;
  private readonly fireTimeout = (): void => this.onTimeout();
  /** Set by setTimeout, a plain property as in Node (absent until then). */
  declare timeout: number | undefined;
  private finalBytesRead = 0;
  private finalBytesWritten = 0;
  private wantNoDelay = false;
  private wantKeepAlive = false;
  private keepAliveDelay = 0;
  /**
   * The 'data' listener that may take reads straight from the handle
   * (consumeData). A private field, so that every socket has it from birth
   * (one shape for all, no property added per connection) and it stays out
   * of util.inspect.
   */
  #dataConsumer: DataConsumer | undefined = undefined;

  static {
    setDataConsumer = (socket, consumer) => {
      socket.#dataConsumer = consumer;
    };
  }

  constructor(options: SocketOptions = {}) {
    if (options === null || typeof options !== 'object') options = {};
    // A copy of the caller's options (Node copies them too), without a spread: see copyProperties.
    const streamOptions = copyProperties(options) as SocketOptions & DuplexOptions;
    streamOptions.allowHalfOpen = Boolean(options.allowHalfOpen);
    // 'close' comes from the handle's close callback, not the stream.
    streamOptions.emitClose = false;
    streamOptions.autoDestroy = true;
    streamOptions.decodeStrings = false;
    super(streamOptions);
    this.wantNoDelay = Boolean(options.noDelay);
    this.wantKeepAlive = Boolean(options.keepAlive);
    this.keepAliveDelay = Math.trunc((options.keepAliveInitialDelay ?? 0) / 1000);
    if (options.handle) {
      this._handle = options.handle;
      this.attach(options.handle);
    } else if (options.fd !== undefined) {
      this._handle = streamHandleForFd(options.fd);
      this.attach(this._handle);
    }
    this.on('end', onReadableStreamEnd);
    if (this._handle !== null && options.readable !== false) {
      if (options.pauseOnCreate) {
        this._handle.readStop();
        (this as unknown as { readableFlowing: boolean | null }).readableFlowing = false;
      } else if (!options.manualStart) {
        this.read(0);
      }
    }
  }

  private attach(handle: StreamHandle): void {
    handle.owner = this;
    handle.onread = (nread, buf) => this.onStreamRead(nread, buf);
  }

  // ---- state -----------------------------------------------------------------

  get pending(): boolean {
    return this._handle === null || this.connecting;
  }

  get readyState(): string {
    if (this.connecting) return 'opening';
    if (this.readable && this.writable) return 'open';
    if (this.readable && !this.writable) return 'readOnly';
    if (!this.readable && this.writable) return 'writeOnly';
    return 'closed';
  }

  get bufferSize(): number | undefined {
    return this._handle !== null ? this.writableLength : undefined;
  }

  get bytesRead(): number {
    return this._handle !== null ? this._handle.bytesRead : this.finalBytesRead;
  }

  get bytesWritten(): number | undefined {
    let bytes = this._handle !== null ? this._handle.bytesWritten : this.finalBytesWritten;
    // Not yet handed to the kernel, but written as far as the user is concerned.
    const state = (this as unknown as { _writableState: { buffered?: Chunk[] } })._writableState;
    for (const { chunk, encoding } of state.buffered ?? []) {
      bytes += Buffer.isBuffer(chunk) ? chunk.length : Buffer.byteLength(chunk, encoding);
    }
    const pending = this._pendingData;
    if (Array.isArray(pending)) {
      for (const el of pending as Chunk[]) bytes += Buffer.isBuffer(el.chunk) ? el.chunk.length : Buffer.byteLength(el.chunk, el.encoding);
    } else if (pending) {
      bytes += Buffer.isBuffer(pending) ? pending.length : Buffer.byteLength(pending as string, this._pendingEncoding as BufferEncoding);
    }
    return bytes;
  }

  // ---- addresses -------------------------------------------------------------

  _getpeername(): Partial<AddressInfo> {
    if (this._handle === null || this.connecting || !(this._handle instanceof TCP)) return this._peername ?? {};
    if (this._peername === null) {
      const out: Partial<AddressInfo> = {};
      if (this._handle.getpeername(out) < 0) return out;
      this._peername = out;
    }
    return this._peername;
  }

  _getsockname(): Partial<AddressInfo> | string {
    if (this._handle === null) return {};
    // Node's pipe handles have no getsockname: a Unix socket's address() is {}.
    if (this._handle instanceof Pipe) return {};
    if (this._sockname === null) {
      const out: Partial<AddressInfo> = {};
      if ((this._handle as TCP).getsockname(out) < 0) return {};
      this._sockname = out;
    }
    return this._sockname;
  }

  address(): Partial<AddressInfo> | string {
    return this._getsockname();
  }

  get remoteAddress(): string | undefined {
    return this._getpeername().address;
  }
  get remoteFamily(): string | undefined {
    return this._getpeername().family;
  }
  get remotePort(): number | undefined {
    return this._getpeername().port;
  }
  get localAddress(): string | undefined {
    const s = this._getsockname();
    return typeof s === 'string' ? undefined : s.address;
  }
  get localPort(): number | undefined {
    const s = this._getsockname();
    return typeof s === 'string' ? undefined : s.port;
  }
  get localFamily(): string | undefined {
    const s = this._getsockname();
    return typeof s === 'string' ? undefined : s.family;
  }

  // ---- options ---------------------------------------------------------------

  setNoDelay(enable = true): this {
    const on = Boolean(enable);
    if (this._handle === null || this.connecting) {
      this.wantNoDelay = on;
      return this;
    }
    if (this._handle instanceof TCP && on !== this.wantNoDelay) {
      this.wantNoDelay = on;
      this._handle.setNoDelay(on);
    }
    return this;
  }

  setKeepAlive(enable = false, initialDelay = 0): this {
    const on = Boolean(enable);
    const delay = Math.trunc(Math.max(0, Number(initialDelay) || 0) / 1000);
    if (this._handle === null || this.connecting) {
      this.wantKeepAlive = on;
      this.keepAliveDelay = delay;
      return this;
    }
    // As setNoDelay: a setting the socket already has costs no syscall (an
    // http.Agent sets keep-alive again each time it reuses a socket).
    if (this._handle instanceof TCP && (on !== this.wantKeepAlive || (on && delay !== this.keepAliveDelay))) {
      this.wantKeepAlive = on;
      this.keepAliveDelay = delay;
      this._handle.setKeepAlive(on, delay);
    }
    return this;
  }

  ref(): this {
    if (this._handle === null) {
      this.once('connect', () => this.ref());
      return this;
    }
    this._handle.ref();
    return this;
  }

  unref(): this {
    if (this._handle === null) {
      this.once('connect', () => this.unref());
      return this;
    }
    this._handle.unref();
    return this;
  }

  setTimeout(msecs: unknown, callback?: unknown): this {
    validateNumber(msecs, 'msecs');
    if (msecs < 0 || !Number.isFinite(msecs)) throw codedError('ERR_OUT_OF_RANGE', 'msecs', 'a non-negative finite number', msecs);
    const ms = Math.min(msecs, TIMEOUT_MAX);
    this.timeout = ms;
    if (ms > 0) {
      if (this.timer === undefined) {
        this.timer = setTimeout(this.fireTimeout, ms);
        this.timer.unref();
      } else {
        restartTimeout(this.timer, ms, this.fireTimeout);
      }
    } else if (this.timer !== undefined) {
      clearTimeout(this.timer);
    }
    if (callback !== undefined) {
      validateFunction(callback, 'callback');
      const cb = callback as () => void;
      if (ms === 0) this.removeListener('timeout', cb);
      else this.once('timeout', cb);
    }
    return this;
  }

  private onTimeout(): void {
    this.emit('timeout');
  }

  /** Activity: restart the idle countdown. */
  _unrefTimer(): void {
    this.timer?.refresh();
  }

  // ---- connecting ------------------------------------------------------------

  connect(...args: unknown[]): this {
    const [options, cb] = normalizeArgs(args) as [ConnectOptions, ((...a: unknown[]) => void) | null];
    if (cb !== null) this.once('connect', cb);
    if (this.write !== Socket.prototype.write) this.write = Socket.prototype.write;
    if (this.destroyed) {
      this._handle = null;
      this._peername = null;
      this._sockname = null;
      (this as unknown as { _undestroy(): void })._undestroy();
      readableState(this).endEmitted = false;
    }
    const path = options.path;
    if (options.port === undefined && path == null) throw codedError('ERR_MISSING_ARGS', ['options', 'port', 'path']);
    const pipe = path != null;
    if (this._handle === null) {
      this._handle = pipe ? new Pipe(defaultLoop()) : new TCP(defaultLoop());
      this.attach(this._handle);
    }
    this._unrefTimer();
    this.connecting = true;
    if (pipe) {
      validateString(path, 'options.path');
      this.startConnect(path, 0, 0);
    } else {
      this.lookupAndConnect(options);
    }
    return this;
  }

  private lookupAndConnect(options: ConnectOptions): void {
    const { localAddress, localPort } = options;
    const host = options.host ?? 'localhost';
    let port = options.port;
    // Truthiness, as Node checks: undici passes localAddress: null, localPort: null.
    if (localAddress && !isIP(localAddress)) throw codedError('ERR_INVALID_IP_ADDRESS', localAddress);
    if (localPort) validateNumber(localPort, 'options.localPort');
    if (typeof port !== 'undefined') {
      if (typeof port !== 'number' && typeof port !== 'string')
        throw codedError('ERR_INVALID_ARG_TYPE', 'options.port', ['number', 'string'], port);
      port = validatePort(port);
    }
    const portNum = (port as number) | 0;
    const literal = isIP(host as string);
    if (literal !== 0) {
      // Node connects to a literal on the next tick, never inside connect().
      process.nextTick(() => {
        if (this.connecting) this.startConnect(host as string, portNum, literal, localAddress, localPort);
      });
      return;
    }
    validateString(host, 'hostname');
    if (options.lookup != null) validateFunction(options.lookup, 'options.lookup');
    const lookup = (options.lookup ?? systemLookup) as LookupFunction;
    // Node asks only for the families this host has configured unless told otherwise.
    const family = options.family === 'IPv4' ? 4 : options.family === 'IPv6' ? 6 : (options.family as number | undefined);
    const dnsopts: { family: number | undefined; hints: number; all?: boolean } = { family, hints: Number(options.hints) || 0 };
    if (family !== 4 && family !== 6 && dnsopts.hints === 0) dnsopts.hints = AI_ADDRCONFIG;
    const autoSelect = (options.autoSelectFamily as boolean | undefined) ?? getDefaultAutoSelectFamily();
    this.autoSelectTimeout = options.autoSelectFamilyAttemptTimeout;
    if (family !== 4 && family !== 6 && localAddress === undefined && autoSelect) {
      dnsopts.all = true;
      lookup(host, dnsopts as LookupOptions, (err, addresses) => this.connectToAny(err, addresses as unknown, host, portNum, localPort));
      return;
    }
    lookup(host, dnsopts as LookupOptions, (err, ip, addressType) => {
      this.emit('lookup', err, ip, addressType, host);
      if (!this.connecting) return;
      if (err) return this.failConnectSoon(err);
      if (typeof ip !== 'string' || isIP(ip) === 0) return this.failConnectSoon(codedError('ERR_INVALID_IP_ADDRESS', String(ip)));
      if (addressType !== 4 && addressType !== 6) return this.failConnectSoon(this.badFamily(addressType, host, portNum));
      this._unrefTimer();
      this.startConnect(ip, portNum, addressType, localAddress, localPort);
    });
  }

  private failConnectSoon(err: Error): void {
    process.nextTick(() => this.destroy(err));
  }

  private badFamily(addressType: unknown, host: string, port: number): Error {
    return Object.assign(codedError('ERR_INVALID_ADDRESS_FAMILY', addressType, host, port), { host, port });
  }

  /**
   * The `all: true` answer: one 'lookup' per address, addresses kept once
   * each, families alternating from the first one's. One address is simply
   * connected to; with more, happy eyeballs (connectAttempt).
   */
  private connectToAny(err: Error | null, addresses: unknown, host: string, port: number, localPort: number | undefined): void {
    if (!this.connecting) return;
    if (err) {
      this.emit('lookup', err, undefined, undefined, host);
      return this.failConnectSoon(err);
    }
    const list = addresses as { address: unknown; family: unknown }[];
    const groups: { address: string; family: 4 | 6 }[][] = [[], []];
    let firstFamily: number | undefined;
    for (const entry of list) {
      const { address: ip, family: addressType } = entry ?? {};
      this.emit('lookup', err, ip, addressType, host);
      if (!this.connecting) return;
      if (typeof ip === 'string' && isIP(ip) !== 0 && (addressType === 4 || addressType === 6)) {
        firstFamily ??= addressType;
        const group = groups[addressType === firstFamily ? 0 : 1]!;
        if (!group.some((a) => a.address === ip)) group.push({ address: ip, family: addressType });
      }
    }
    if (groups[0]!.length === 0 && groups[1]!.length === 0) {
      const first = list[0] as { address: unknown; family: unknown };
      if (typeof first.address !== 'string' || isIP(first.address) === 0)
        return this.failConnectSoon(codedError('ERR_INVALID_IP_ADDRESS', String(first.address)));
      return this.failConnectSoon(this.badFamily(first.family, host, port));
    }
    const toAttempt: { address: string; family: 4 | 6 }[] = [];
    for (let i = 0; i < Math.max(groups[0]!.length, groups[1]!.length); i++) {
      if (i < groups[0]!.length) toAttempt.push(groups[0]![i]!);
      if (i < groups[1]!.length) toAttempt.push(groups[1]![i]!);
    }
    this._unrefTimer();
    if (toAttempt.length === 1) return this.startConnect(toAttempt[0]!.address, port, toAttempt[0]!.family, undefined, localPort);
    const timeout = Number(this.autoSelectTimeout ?? getDefaultAutoSelectFamilyAttemptTimeout());
    this.autoSelectFamilyAttemptedAddresses = [];
    this.attempts = { addresses: toAttempt, current: 0, errors: [], port, localPort, timeout: Math.max(10, timeout), timer: undefined };
    this.connectAttempt();
  }

  /** Addresses tried by happy eyeballs, as "address:port" (Node's property). */
  autoSelectFamilyAttemptedAddresses: string[] | undefined;
  private autoSelectTimeout: unknown;
  private attempts:
    | {
        addresses: { address: string; family: 4 | 6 }[];
        current: number;
        errors: Error[];
        port: number;
        localPort: number | undefined;
        timeout: number;
        timer: Timeout | undefined;
      }
    | undefined;

  /**
   * Happy eyeballs (Node's internalConnectMultiple): connect to each address
   * in turn on a fresh handle; the next starts when one fails, or when it has
   * not connected within autoSelectFamilyAttemptTimeout. All failed: an
   * AggregateError of their errors.
   */
  private connectAttempt(): void {
    const ctx = this.attempts!;
    if (ctx.timer !== undefined) clearTimeout(ctx.timer);
    ctx.timer = undefined;
    if (!this.connecting) return;
    if (ctx.current === ctx.addresses.length) {
      this.attempts = undefined;
      const err = Object.assign(new AggregateError(ctx.errors), { code: (ctx.errors[0] as { code?: string } | undefined)?.code });
      this.destroy(err);
      return;
    }
    const current = ctx.current++;
    const handle = current > 0 ? this._nextAttemptHandle() : this._connectHandle();
    const { address, family } = ctx.addresses[current]!;
    this.autoSelectFamilyAttemptedAddresses!.push(`${address}:${ctx.port}`);
    this.emit('connectionAttempt', address, ctx.port, family);
    const req = new ConnectReq(handle.loop);
    req.oncomplete = afterConnect;
    req.localPort = ctx.localPort;
    const err = family === 4 ? (handle as TCP).connect(req, address, ctx.port) : (handle as TCP).connect6(req, address, ctx.port);
    if (err < 0) {
      this.attemptFailed(exceptionWithHostPort(err, 'connect', address, ctx.port));
      return;
    }
    if (current < ctx.addresses.length - 1) {
      ctx.timer = setTimeout(() => {
        ctx.timer = undefined;
        if (this.attempts !== ctx || !this.connecting) return;
        this.emit('connectionAttemptTimeout', address, ctx.port, family);
        this.connectAttempt();
      }, ctx.timeout);
    }
  }

  /** The handle a connect(2) is issued on: our own (a TLS socket's is the one under its TLS layer). */
  _connectHandle(): StreamHandle {
    return this._handle!;
  }

  /** A fresh socket for the next address: the old one may still be connecting. */
  _nextAttemptHandle(): StreamHandle {
    const old = this._handle!;
    old.onread = () => {};
    old.owner = undefined;
    old.close();
    this._handle = new TCP(defaultLoop());
    this.attach(this._handle);
    return this._handle;
  }

  private endAttempts(): void {
    if (this.attempts?.timer !== undefined) clearTimeout(this.attempts.timer);
    this.attempts = undefined;
  }

  /** One address failed: record it and go on with the next (called from afterConnect too). */
  attemptFailed(err: Error): boolean {
    const ctx = this.attempts;
    if (ctx === undefined) return false;
    const { address, family } = ctx.addresses[ctx.current - 1]!;
    ctx.errors.push(err);
    this.emit('connectionAttemptFailed', address, ctx.port, family, err);
    this.connectAttempt();
    return true;
  }

  private startConnect(address: string, port: number, family: number, localAddress?: string, localPort?: number): void {
    if (this._handle === null) return;
    const handle = this._connectHandle();
    if (localAddress || localPort) {
      const tcp = handle as TCP;
      const local = localAddress || (family === 6 ? '::' : '0.0.0.0');
      const err = family === 6 ? tcp.bind6(local, localPort || 0) : tcp.bind(local, localPort || 0);
      if (err < 0) {
        this.destroy(exceptionWithHostPort(err, 'bind', local, localPort));
        return;
      }
    }
    const req = new ConnectReq(handle.loop);
    req.oncomplete = afterConnect;
    req.localAddress = localAddress;
    req.localPort = localPort;
    let err: number;
    if (family === 4) err = (handle as TCP).connect(req, address, port);
    else if (family === 6) err = (handle as TCP).connect6(req, address, port);
    else err = (handle as Pipe).connect(req, address);
    if (err < 0) {
      const name = this._getsockname();
      const details = typeof name === 'object' && name.address !== undefined ? `${name.address}:${name.port}` : undefined;
      this.destroy(exceptionWithHostPort(err, 'connect', address, family === 0 ? undefined : port, details));
    }
  }

  /** After a successful connect: apply options chosen while connecting, announce, start reading. */
  onConnected(readable: boolean, writable: boolean): void {
    this.endAttempts();
    this.connecting = false;
    this._sockname = null;
    if (this.readable && !readable) {
      this.push(null);
      this.read();
    }
    if (this.writable && !writable) this.end();
    this._unrefTimer();
    const handle = this._handle;
    if (handle instanceof TCP) {
      if (this.wantNoDelay) handle.setNoDelay(true);
      if (this.wantKeepAlive) handle.setKeepAlive(true, this.keepAliveDelay);
    }
    this.emit('connect');
    this.emit('ready');
    // Starts the first read, or sees an immediate EOF.
    if (readable && !this.isPaused()) this.read(0);
  }

  // ---- reading ---------------------------------------------------------------

  override _read(_n: number): void {
    if (this.connecting || this._handle === null) {
      this.once('connect', () => this._read(_n));
    } else if (!this._handle.reading) {
      this.tryReadStart();
    }
  }

  private tryReadStart(): void {
    const handle = this._handle!;
    const err = handle.readStart();
    if (err < 0) this.destroy(errnoException(err, 'read'));
  }

  private onStreamRead(nread: number, buf?: Buffer): void {
    const handle = this._handle;
    if (nread > 0 && buf !== undefined) {
      this._unrefTimer();
      const consumer = this.#dataConsumer;
      if (consumer !== undefined && consumesAtOnce(this, consumer)) {
        consumer(buf);
        return;
      }
      if (!this.push(buf) && handle !== null) {
        handle.readStop();
      }
      return;
    }
    if (nread === 0) return;
    if (nread !== UV_EOF) {
      this.destroy(errnoException(nread, 'read'));
      return;
    }
    if (readableState(this).endEmitted) return;
    this.push(null);
    this.read(0);
  }

  // ---- writing ---------------------------------------------------------------

  override _write(data: Buffer | string, encoding: BufferEncoding, cb: (err?: Error | null) => void): void {
    this.writeGeneric(false, data, encoding, cb);
  }

  override _writev(chunks: Chunk[], cb: (err?: Error | null) => void): void {
    this.writeGeneric(true, chunks, 'utf8', cb);
  }

  private writeGeneric(writev: boolean, data: unknown, encoding: BufferEncoding, cb: (err?: Error | null) => void): void {
    if (this.connecting) {
      this._pendingData = data;
      this._pendingEncoding = encoding;
      const onClose = () => cb(codedError('ERR_SOCKET_CLOSED_BEFORE_CONNECTION'));
      this.once('connect', () => {
        this.off('close', onClose);
        this.writeGeneric(writev, data, encoding, cb);
      });
      this.once('close', onClose);
      return;
    }
    this._pendingData = null;
    this._pendingEncoding = '';
    const handle = this._handle;
    if (handle === null) {
      cb(codedError('ERR_SOCKET_CLOSED'));
      return;
    }
    this._unrefTimer();
    const req = new WriteReq(handle.loop);
    let err: number;
    const staged = writev ? stageChunks(data as Chunk[]) : typeof data === 'string' ? stageString(data, encoding, 0) : -1;
    if (staged >= 0) {
      err = handle.writeTransient(req, stage, staged);
    } else {
      let bufs: Uint8Array[];
      if (writev) {
        bufs = (data as Chunk[]).map(({ chunk, encoding: enc }) => (typeof chunk === 'string' ? Buffer.from(chunk, enc) : chunk));
      } else {
        bufs = [typeof data === 'string' ? Buffer.from(data, encoding) : (data as Uint8Array)];
      }
      err = handle.writev(req, bufs);
    }
    if (err < 0) {
      cb(errnoException(err, 'write'));
      return;
    }
    // Only a write the kernel could not take at once completes later: the
    // completion closure is made for that one (it cannot run before the
    // loop's next poll), not for every write.
    if (req.async) req.oncomplete = (status) => this.afterWrite(status, cb);
    else cb();
  }

  private afterWrite(status: number, cb: (err?: Error | null) => void): void {
    if (this.destroyed) {
      cb(null);
      return;
    }
    if (status < 0) {
      cb(errnoException(status, 'write'));
      return;
    }
    this._unrefTimer();
    cb(null);
  }

  override _final(cb: (err?: Error | null) => void): void {
    if (this.pending) {
      this.once('connect', () => this._final(cb));
      return;
    }
    const handle = this._handle;
    if (handle === null) {
      cb();
      return;
    }
    const req = new ShutdownReq(handle.loop);
    req.oncomplete = () => cb();
    const err = handle.shutdown(req);
    if (err === UV_ENOTCONN) cb();
    else if (err < 0) cb(errnoException(err, 'shutdown'));
  }

  override end(...args: unknown[]): this {
    ReflectApply(Duplex.prototype.end, this, args);
    return this;
  }

  destroySoon(): void {
    if (this.writable) this.end();
    if (this.writableFinished) this.destroy();
    else this.once('finish', () => this.destroy());
  }

  resetAndDestroy(): this {
    return this.destroy();
  }

  // ---- destroying ------------------------------------------------------------

  override _destroy(exception: Error | null, cb: (err: Error | null) => void): void {
    this.endAttempts();
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.connecting = false;
    const handle = this._handle;
    if (handle !== null) {
      const hadError = Boolean(exception);
      this.finalBytesRead = handle.bytesRead;
      this.finalBytesWritten = handle.bytesWritten;
      handle.close(() => this.emit('close', hadError));
      handle.onread = () => {};
      this._handle = null;
      this._sockname = null;
      cb(exception);
    } else {
      cb(exception);
      process.nextTick(() => this.emit('close', Boolean(exception)));
    }
    const server = this._server;
    if (server !== null) {
      server._connections--;
      server._emitCloseIfDrained();
    }
  }
}

// The bundle renames classes whose names clash (net, dgram and http each
// have one); Node prints this name in inspect output and error events.
Object.defineProperty(Socket, 'name', { value: 'Socket' });

/** A socket's one 'data' listener, which may be given each chunk read without the stream emitting it (see consumeData). */
export type DataConsumer = (chunk: Buffer) => void;

/**
 * Let `consumer`, which must be `socket`'s 'data' listener, take each chunk
 * read straight from the read, for as long as it is the only listener and
 * the stream would emit the chunk at once anyway (flowing, nothing
 * buffered, no decoder), doing what push() would: an http server's
 * connection reads its socket this way, as Node's parser consumes the
 * stream, which emits no 'data' for it either; so neither comes push()'s
 * work for each chunk, nor the tick it schedules after, which finds
 * nothing more to read. Undefined gives the reads back to push().
 */
export function consumeData(socket: Socket, consumer: DataConsumer | undefined): void {
  setDataConsumer(socket, consumer);
}

interface FlowState {
  flowing: boolean | null;
  sync: boolean;
  length: number;
  ended: boolean;
  destroyed: boolean;
  errored: Error | null;
  decoder: unknown;
}

/**
 * Whether push() would emit this chunk at once, to `consumer` alone. The
 * stream's state is left as it is: as with Node's consumed socket, it has
 * read nothing itself (readableDidRead stays false).
 */
function consumesAtOnce(socket: Socket, consumer: DataConsumer): boolean {
  // The one listener is stored as itself (not in an array, not wrapped by once).
  if ((socket as unknown as { _events: Record<string, unknown> })._events['data'] !== consumer) return false;
  const state = (socket as unknown as { _readableState: FlowState })._readableState;
  if (state.flowing !== true || state.sync || state.length !== 0 || state.ended || state.destroyed || state.errored !== null) return false;
  return state.decoder === null;
}

function readableState(s: Socket): { endEmitted: boolean } {
  return (s as unknown as { _readableState: { endEmitted: boolean } })._readableState;
}

function afterConnect(status: number, handle: StreamHandle, req: ConnectReq, readable: boolean, writable: boolean): void {
  const self = handle.owner as Socket | undefined;
  if (self === undefined || self.destroyed) return;
  if (status === 0) {
    self.onConnected(readable, writable);
    return;
  }
  let details: string | undefined;
  if (req.localAddress !== undefined && req.localPort !== undefined) details = `${req.localAddress}:${req.localPort}`;
  const ex: SystemError & { localAddress?: string; localPort?: number } = exceptionWithHostPort(
    status,
    'connect',
    req.address,
    handle instanceof Pipe ? undefined : req.port,
    details,
  );
  if (details !== undefined) {
    ex.localAddress = req.localAddress!;
    ex.localPort = req.localPort!;
  }
  // Happy eyeballs goes on with the next address.
  if (self.attemptFailed(ex)) return;
  self.connecting = false;
  self.destroy(ex);
}

/** The peer ended: without half-open, further writes fail as Node's do. */
function onReadableStreamEnd(this: Socket): void {
  if (!this.allowHalfOpen) this.write = writeAfterFIN as Socket['write'];
}

function writeAfterFIN(this: Socket, chunk: unknown, encoding?: unknown, cb?: unknown): boolean {
  if (!this.writableEnded) return ReflectApply(Duplex.prototype.write, this, [chunk, encoding, cb]) as boolean;
  const callback = typeof encoding === 'function' ? encoding : cb;
  const er = Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' });
  if (typeof callback === 'function') process.nextTick(callback as (e: Error) => void, er);
  this.destroy(er);
  return false;
}
