/**
 * tls.TLSSocket: our net.Socket whose handle is a TLSWrap over the TCP
 * handle (or over another socket's handle, for STARTTLS, or over a plain
 * JS stream through a JSStreamSocket). net.Socket's reading, writing,
 * half-close and destroy work on it unchanged; this layer adds the
 * handshake's events and Node's judgement of the peer:
 *
 *   client  'connect' → handshake → verify chain + checkServerIdentity →
 *           'secureConnect' (or destroy with the verify error when
 *           rejectUnauthorized)
 *   server  first record → [SNICallback] → handshake → 'secure' → the
 *           server's 'secureConnection' (failures before that go to the
 *           server's 'tlsClientError', never to the socket's 'error')
 */
import { Duplex } from 'node:stream';
import { defaultLoop } from '@mini/loop';
import { TCP, SocketClass as NetSocket, type StreamHandle } from '@mini/net';
import { codedError, connResetException, validateFunction, validateString } from '@mini/sys';
import { clearTimeout, setTimeout, type Timeout } from '@mini/timers';
import { TLSWrap, type ParentHandle } from './handles/tls-wrap.js';
import type { OpenSSLError } from './handles/errors.js';
import {
  SecureContext,
  createSecureContext,
  translatePeerCertificate,
  legacyCertificate,
  type SecureContextOptions,
} from './secure-context.js';
import { checkServerIdentity } from './check-server-identity.js';
import { JSStreamHandle } from './handles/js-stream.js';

export type SNICallback = (servername: string, cb: (err: Error | null, ctx?: SecureContext) => void) => void;

export interface TLSSocketOptions {
  isServer?: boolean;
  server?: TLSServerLike;
  secureContext?: SecureContext;
  requestCert?: boolean;
  rejectUnauthorized?: boolean;
  ALPNProtocols?: unknown;
  SNICallback?: SNICallback;
  session?: Buffer;
  servername?: string;
  allowHalfOpen?: boolean;
  highWaterMark?: number;
  pauseOnConnect?: boolean;
  signal?: AbortSignal;
  pipe?: boolean;
}

/** What a TLSSocket needs of its tls.Server (server.ts; no module cycle). */
export interface TLSServerLike {
  emit(event: string, ...args: unknown[]): boolean;
  _connections: number;
  _emitCloseIfDrained(): void;
}

/** ['h2', 'http/1.1'] (or a Buffer/Uint8Array already in wire form) → length-prefixed wire bytes. */
export function convertALPNProtocols(protocols: unknown, out: { ALPNProtocols?: Buffer }): void {
  if (Array.isArray(protocols)) {
    const parts: Buffer[] = [];
    for (const p of protocols as (string | Uint8Array)[]) {
      const b = typeof p === 'string' ? Buffer.from(p) : Buffer.from(p);
      if (b.length > 255) throw codedError('ERR_OUT_OF_RANGE', 'The byte length of the protocol at index 0', '<= 255', b.length);
      parts.push(Buffer.from([b.length]), b);
    }
    out.ALPNProtocols = Buffer.concat(parts);
  } else if (ArrayBuffer.isView(protocols)) {
    out.ALPNProtocols = Buffer.from(protocols.buffer, protocols.byteOffset, protocols.byteLength);
  }
}

export interface ConnectOptions extends SecureContextOptions {
  host?: string;
  port?: number | string;
  path?: string;
  socket?: Duplex;
  servername?: string;
  rejectUnauthorized?: boolean;
  checkServerIdentity?: (host: string, cert: Record<string, unknown>) => Error | undefined;
  secureContext?: SecureContext;
  ALPNProtocols?: unknown;
  session?: Buffer;
  timeout?: number;
  localAddress?: string;
  allowHalfOpen?: boolean;
  highWaterMark?: number;
  signal?: AbortSignal;
  keepAlive?: boolean;
  singleUse?: boolean;
  minDHSize?: number;
}

export class TLSSocket extends NetSocket {
  _tlsOptions: TLSSocketOptions;
  _secureEstablished = false;
  _securePending = false;
  _newSessionPending = false;
  _controlReleased = false;
  secureConnecting = true;
  _SNICallback: SNICallback | null = null;
  servername: string | false | null = null;
  alpnProtocol: string | false | null = null;
  authorized = false;
  authorizationError: string | null = null;
  encrypted = true;
  _hadError = false;
  /** The net.Socket or stream this one was layered on, if any (Node's `_parent`'s owner). */
  _parentSocket: Duplex | null = null;
  _connectOptions: ConnectOptions | undefined;
  _requestCert: boolean;
  _rejectUnauthorized: boolean;
  private handshakeTimer: Timeout | undefined;
  private tlsErrorEmitted = false;
  declare _handle: StreamHandle | null;

  constructor(socket?: Duplex | null, opts: TLSSocketOptions = {}) {
    const tlsOptions = { ...opts };
    const context = tlsOptions.secureContext ?? createSecureContext(tlsOptions as SecureContextOptions);
    if (!(context instanceof SecureContext)) throw codedError('ERR_TLS_INVALID_CONTEXT', 'context');
    tlsOptions.secureContext = context;
    const parent = parentHandleOf(socket);
    const wrap = new TLSWrap(parent, context.context, Boolean(tlsOptions.isServer));
    // What the wrap was layered on, by Node's name: a net.Socket, or the stream adapter (whose constructor packages reuse).
    if (socket) wrap._parentWrap = socket instanceof NetSocket ? socket : parent;
    super({
      handle: wrap as unknown as StreamHandle,
      allowHalfOpen: socket ? (socket as { allowHalfOpen?: boolean }).allowHalfOpen : tlsOptions.allowHalfOpen,
      pauseOnCreate: tlsOptions.pauseOnConnect,
      manualStart: true,
      ...(tlsOptions.highWaterMark !== undefined ? { highWaterMark: tlsOptions.highWaterMark } : {}),
      ...(tlsOptions.signal !== undefined ? { signal: tlsOptions.signal } : {}),
    });
    this._tlsOptions = tlsOptions;
    this._requestCert = tlsOptions.requestCert !== false && !tlsOptions.isServer ? true : Boolean(tlsOptions.requestCert);
    this._rejectUnauthorized = tlsOptions.rejectUnauthorized !== false;
    if (socket instanceof NetSocket) {
      this._parentSocket = socket;
      // The bytes are ours now; the plain socket is left without a handle.
      const raw = socket as unknown as { _handle: unknown; _server: unknown; connecting: boolean };
      if (!raw.connecting) raw._handle = null;
      else this.connecting = true;
    } else if (socket) {
      this._parentSocket = socket;
    }
    this.initWrap(wrap, socket);
  }

  private initWrap(wrap: TLSWrap, socket: Duplex | null | undefined): void {
    const options = this._tlsOptions;
    wrap.onhandshakedone = () => this.onHandshakeDone();
    wrap.onerror = (err) => this.onTLSError(err);
    if (!options.isServer) wrap.onnewsession = (session) => this.emit('session', session);
    if (options.isServer) {
      wrap.setVerifyMode(this._requestCert, this._rejectUnauthorized);
      if (options.SNICallback) {
        this._SNICallback = options.SNICallback;
        wrap.oncertcb = (servername) => this.onCertCb(wrap, servername);
      }
    }
    const alpn: { ALPNProtocols?: Buffer } = {};
    convertALPNProtocols(options.ALPNProtocols, alpn);
    if (alpn.ALPNProtocols !== undefined) {
      if (options.isServer) options.secureContext!.context.setALPNProtocols(alpn.ALPNProtocols);
      else wrap.setALPNProtocols(alpn.ALPNProtocols);
    }
    if (options.isServer) {
      wrap.start();
    } else if (socket instanceof NetSocket && (socket as unknown as { connecting: boolean }).connecting) {
      socket.once('connect', () => {
        (socket as unknown as { _handle: unknown })._handle = null;
        this.connecting = false;
        this.emit('connect');
        this._start();
      });
    }
  }

  get _wrap(): TLSWrap | null {
    return this._handle as unknown as TLSWrap | null;
  }

  /** Begin the client handshake (after 'connect' for a socket of our own). */
  _start(): void {
    if (this.connecting) {
      this.once('connect', () => this._start());
      return;
    }
    this._wrap?.start();
  }

  _releaseControl(): boolean {
    if (this._controlReleased) return false;
    this._controlReleased = true;
    return true;
  }

  setServername(name: string): void {
    validateString(name, 'name');
    if (this._tlsOptions.isServer) throw codedError('ERR_TLS_SNI_FROM_SERVER');
    this._wrap?.setServername(name);
  }

  private onCertCb(wrap: TLSWrap, servername: string): void {
    const cb = this._SNICallback!;
    let called = false;
    try {
      cb(servername, (err, ctx) => {
        if (called) return;
        called = true;
        if (this.destroyed) return;
        if (err) {
          this.serverError(err);
          return;
        }
        if (ctx !== undefined && ctx !== null && !(ctx instanceof SecureContext)) {
          this.serverError(codedError('ERR_TLS_INVALID_CONTEXT', 'context'));
          return;
        }
        this.servername = servername;
        wrap.certCbDone(ctx?.context);
      });
    } catch (err) {
      this.serverError(err as Error);
    }
  }

  private onHandshakeDone(): void {
    const wrap = this._wrap;
    if (wrap === null) return;
    this.secureConnecting = false;
    this._secureEstablished = true;
    this.alpnProtocol = wrap.getALPNNegotiatedProtocol();
    this.servername = wrap.getServername();
    if (this.handshakeTimer !== undefined) clearTimeout(this.handshakeTimer);
    this.emit('secure');
    if (this._tlsOptions.isServer) this.onServerSecure();
    else this.onConnectSecure();
  }

  private onServerSecure(): void {
    if (this._requestCert) {
      const verifyError = this._wrap!.verifyError();
      if (verifyError) {
        this.authorizationError = verifyError.code;
        if (this._rejectUnauthorized) {
          this.destroy();
          return;
        }
      } else {
        this.authorized = true;
      }
    }
    if (!this.destroyed && this._releaseControl()) this._tlsOptions.server?.emit('secureConnection', this);
  }

  private onConnectSecure(): void {
    const options = this._connectOptions ?? {};
    let verifyError: (Error & { code?: string }) | undefined = this._wrap!.verifyError();
    if (!verifyError && !this.isSessionReused()) {
      const parentHost = (options.socket as { _host?: string } | undefined)?._host;
      const hostname = options.servername || options.host || parentHost || 'localhost';
      const cert = this.getPeerCertificate(true);
      verifyError = (options.checkServerIdentity ?? checkServerIdentity)(hostname, cert as never) as typeof verifyError;
    }
    if (verifyError) {
      this.authorized = false;
      this.authorizationError = verifyError.code || verifyError.message;
      if (options.rejectUnauthorized !== false) {
        this.destroy(verifyError);
        return;
      }
    } else {
      this.authorized = true;
    }
    this.emit('secureConnect');
    this.removeListener('end', onConnectEnd);
  }

  private onTLSError(err: OpenSSLError): void {
    if (this._hadError) return;
    this._hadError = true;
    // A server socket's error before it was handed over reaches the server
    // as 'tlsClientError', through the listener tls.Server puts on it.
    if (!this._secureEstablished) {
      this.destroy(err);
    } else if (this._tlsOptions.isServer && this._rejectUnauthorized && /peer did not return a certificate/.test(err.message)) {
      this.destroy();
    } else {
      this.destroy(err);
    }
  }

  /** A server socket's failure before it was handed over: the server hears of it, then the socket goes. */
  private serverError(err: Error): void {
    if (!this.tlsErrorEmitted) {
      this.tlsErrorEmitted = true;
      this._tlsOptions.server?.emit('tlsClientError', err, this);
    }
    this.destroy();
  }

  /** Server: the socket's 'error' before it was handed over is the server's 'tlsClientError'. */
  _onServerError(err: Error): void {
    if (!this._controlReleased && !this.tlsErrorEmitted) {
      this.tlsErrorEmitted = true;
      this._tlsOptions.server?.emit('tlsClientError', err, this);
    }
  }

  /** Server: a client that goes away mid-handshake is 'socket hang up'. */
  _onServerClose(): void {
    if (!this._controlReleased && !this.tlsErrorEmitted) {
      this.tlsErrorEmitted = true;
      this._tlsOptions.server?.emit('tlsClientError', connResetException('socket hang up'), this);
    }
  }

  _setHandshakeTimeout(ms: number): void {
    if (ms <= 0) return;
    this.handshakeTimer = setTimeout(() => {
      this.handshakeTimer = undefined;
      if (this._secureEstablished || this.destroyed) return;
      // Only reported: the server's listener decides whether the connection goes, as on Node.
      this._onServerError(codedError('ERR_TLS_HANDSHAKE_TIMEOUT'));
    }, ms);
    this.handshakeTimer.unref();
  }

  override _destroy(exception: Error | null, cb: (err: Error | null) => void): void {
    if (this.handshakeTimer !== undefined) clearTimeout(this.handshakeTimer);
    super._destroy(exception, cb);
    // The plain socket under us has no handle of its own any more; it ends with us (and a server counting it hears so).
    const parent = this._parentSocket;
    if (parent instanceof NetSocket && !parent.destroyed) parent.destroy();
  }

  // ---- what the peer and the connection are ---------------------------------------

  getPeerCertificate(detailed?: boolean): Record<string, unknown> | null {
    const wrap = this._wrap;
    if (wrap === null) return null;
    return translatePeerCertificate(wrap.getPeerChain(), Boolean(detailed));
  }

  getCertificate(): Record<string, unknown> | null {
    const wrap = this._wrap;
    if (wrap === null) return null;
    const der = wrap.getOwnCertificate();
    return der === undefined ? {} : legacyCertificate(der);
  }

  getProtocol(): string | null {
    return this._wrap?.getProtocol() ?? null;
  }

  getCipher(): { name: string; standardName: string; version: string } | undefined {
    return this._wrap?.getCipher();
  }

  isSessionReused(): boolean {
    return this._wrap?.isSessionReused() ?? false;
  }

  getSession(): Buffer | undefined {
    return this._wrap?.getSession();
  }

  getTLSTicket(): Buffer | undefined {
    return undefined;
  }

  setSession(session: Buffer | string): void {
    this._wrap?.setSession(typeof session === 'string' ? Buffer.from(session, 'latin1') : session);
  }

  setMaxSendFragment(size: number): boolean {
    void size;
    return true;
  }

  exportKeyingMaterial(): never {
    throw codedError('ERR_TLS_INVALID_STATE');
  }

  renegotiate(_options: unknown, callback?: (err: Error | null) => void): boolean {
    if (callback !== undefined) validateFunction(callback, 'callback');
    if (callback) process.nextTick(callback, codedError('ERR_TLS_RENEGOTIATION_DISABLED'));
    return false;
  }

  disableRenegotiation(): void {}

  enableTrace(): void {}

  // ---- addresses: those of the transport below ---------------------------------

  override _getpeername(): ReturnType<InstanceType<typeof NetSocket>['_getpeername']> {
    const parent = this._wrap?.parent;
    if (parent instanceof TCP) {
      if (this._peername === null) {
        const out = {};
        if (parent.getpeername(out) < 0) return out;
        this._peername = out;
      }
      return this._peername;
    }
    return this._peername ?? {};
  }

  override _getsockname(): ReturnType<InstanceType<typeof NetSocket>['_getsockname']> {
    const parent = this._wrap?.parent;
    if (parent instanceof TCP) {
      if (this._sockname === null) {
        const out = {};
        if (parent.getsockname(out) < 0) return {};
        this._sockname = out;
      }
      return this._sockname;
    }
    return {};
  }

  override setNoDelay(enable = true): this {
    const parent = this._wrap?.parent;
    if (parent instanceof TCP) parent.setNoDelay(Boolean(enable));
    return this;
  }

  override setKeepAlive(enable = false, initialDelay = 0): this {
    const parent = this._wrap?.parent;
    if (parent instanceof TCP) parent.setKeepAlive(Boolean(enable), Math.trunc((Number(initialDelay) || 0) / 1000));
    return this;
  }

  /** connect(2) goes to the TCP handle under the TLS layer. */
  override _connectHandle(): StreamHandle {
    return this._wrap!.parent as unknown as StreamHandle;
  }

  /** Happy eyeballs: the next address is tried on a fresh TCP handle under the same TLS state. */
  override _nextAttemptHandle(): StreamHandle {
    const wrap = this._wrap!;
    const old = wrap.parent;
    old.onread = () => {};
    old.owner = undefined;
    old.close();
    const fresh = new TCP(defaultLoop());
    wrap.reinitHandle(fresh as unknown as ParentHandle);
    return fresh;
  }
}

Object.defineProperty(TLSSocket, 'name', { value: 'TLSSocket' });

/** The transport a TLSWrap reads and writes: a socket's TCP handle, a fresh one, or a JS stream. */
function parentHandleOf(socket: Duplex | null | undefined): ParentHandle {
  if (socket instanceof NetSocket) {
    const handle = (socket as unknown as { _handle: StreamHandle | null })._handle;
    if (handle !== null) return handle as unknown as ParentHandle;
    return new TCP(defaultLoop()) as unknown as ParentHandle;
  }
  if (socket instanceof JSStreamHandle) return socket as unknown as ParentHandle;
  if (socket) return new JSStreamHandle(socket) as unknown as ParentHandle;
  return new TCP(defaultLoop()) as unknown as ParentHandle;
}

/** The client's connection ended before the handshake did. */
export function onConnectEnd(this: TLSSocket): void {
  if (this._hadError) return;
  this._hadError = true;
  const options = this._connectOptions ?? {};
  const error = connResetException('Client network socket disconnected before secure TLS connection was established') as unknown as Error &
    Record<string, unknown>;
  error.path = options.path;
  error.host = options.host;
  error.port = options.port;
  error.localAddress = options.localAddress;
  this.destroy(error);
}
