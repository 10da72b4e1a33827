/**
 * http.Server: a TCP server from the transport whose connections speak
 * HTTP/1.1 (see server-connection.ts), with Node's options, defaults and
 * timeouts.
 *
 * headersTimeout and requestTimeout are checked as Node checks them: not
 * with a timer per connection, but by one unref'd interval
 * (`connectionsCheckingInterval`) that sweeps the connections with a message
 * in progress.
 */
import { EventEmitter } from 'node:events';
import { codedError, validateInteger, DateNow } from '@mini/sys';
import { maxHeaderSize as defaultMaxHeaderSize } from './common.js';
import { IncomingMessage } from './incoming.js';
import type { HttpSocket } from './outgoing.js';
import { ServerConnection } from './server-connection.js';
import { ServerResponse } from './server-response.js';
import { getTransport, timers, unrefTimer, type TransportServer, type TransportSocket } from './transport.js';

export interface ServerOptions {
  IncomingMessage?: typeof IncomingMessage;
  ServerResponse?: typeof ServerResponse;
  requestTimeout?: number;
  headersTimeout?: number;
  keepAliveTimeout?: number;
  connectionsCheckingInterval?: number;
  maxHeaderSize?: number;
  noDelay?: boolean;
  keepAlive?: boolean;
  keepAliveInitialDelay?: number;
  insecureHTTPParser?: boolean;
  joinDuplicateHeaders?: boolean;
  highWaterMark?: number;
  requireHostHeader?: boolean;
}

type RequestListener = (req: IncomingMessage, res: ServerResponse) => void;

export class Server extends EventEmitter {
  timeout = 0;
  keepAliveTimeout = 5000;
  headersTimeout = 60_000;
  requestTimeout = 300_000;
  maxHeadersCount: number | null = null;
  maxRequestsPerSocket = 0;
  connectionsCheckingInterval = 30_000;
  maxHeaderSize: number;
  httpAllowHalfOpen = false;
  requireHostHeader: boolean;
  noDelay: boolean;
  readonly _connections = new Set<ServerConnection>();
  private readonly _handle: TransportServer;
  private _checkInterval: unknown = null;

  constructor(options?: ServerOptions | RequestListener, requestListener?: RequestListener) {
    super();
    if (typeof options === 'function') {
      requestListener = options;
      options = {};
    }
    options ??= {};
    if (options.requestTimeout !== undefined) this.requestTimeout = checkMs(options.requestTimeout, 'requestTimeout');
    if (options.headersTimeout !== undefined) this.headersTimeout = checkMs(options.headersTimeout, 'headersTimeout');
    else this.headersTimeout = Math.min(60_000, this.requestTimeout);
    if (options.keepAliveTimeout !== undefined) this.keepAliveTimeout = checkMs(options.keepAliveTimeout, 'keepAliveTimeout');
    if (options.connectionsCheckingInterval !== undefined) {
      this.connectionsCheckingInterval = checkMs(options.connectionsCheckingInterval, 'connectionsCheckingInterval');
    }
    if (this.requestTimeout > 0 && this.headersTimeout > 0 && this.headersTimeout > this.requestTimeout) {
      throw codedError('ERR_OUT_OF_RANGE', 'headersTimeout', '<= requestTimeout', this.headersTimeout);
    }
    this.maxHeaderSize = options.maxHeaderSize ?? defaultMaxHeaderSize;
    this.noDelay = options.noDelay ?? true;
    this.requireHostHeader = options.requireHostHeader ?? true;
    if (requestListener) this.on('request', requestListener);

    const handle = getTransport().createServer({ allowHalfOpen: true, noDelay: this.noDelay }, (socket) => this.connection(socket));
    this._handle = handle;
    handle.on('listening', () => {
      this.setupConnectionsTracking();
      this.emit('listening');
    });
    handle.on('error', (err: Error) => this.emit('error', err));
    handle.on('close', () => this.emit('close'));
  }

  get listening(): boolean {
    return this._handle.listening;
  }

  listen(...args: unknown[]): this {
    // A trailing callback listens for 'listening' on this object, not the handle.
    if (typeof args[args.length - 1] === 'function') this.once('listening', args.pop() as () => void);
    this._handle.listen(...args);
    return this;
  }

  address(): unknown {
    return this._handle.address();
  }

  close(cb?: (err?: Error) => void): this {
    this.closeIdleConnections();
    if (this._checkInterval !== null) {
      timers.clearInterval(this._checkInterval);
      this._checkInterval = null;
    }
    this._handle.close(cb);
    return this;
  }

  closeAllConnections(): void {
    for (const conn of [...this._connections]) conn.socket.destroy();
  }

  closeIdleConnections(): void {
    for (const conn of [...this._connections]) {
      const msg = conn.socket._httpMessage;
      if (msg && !msg.finished) continue;
      if (conn.idle) conn.socket.destroy();
    }
  }

  setTimeout(ms: number, cb?: () => void): this {
    this.timeout = ms;
    if (cb) this.on('timeout', cb);
    return this;
  }

  ref(): this {
    this._handle.ref();
    return this;
  }

  unref(): this {
    this._handle.unref();
    return this;
  }

  getConnections(cb: (err: Error | null, count: number) => void): void {
    if (this._handle.getConnections) this._handle.getConnections(cb);
    else process.nextTick(cb, null, this._connections.size);
  }

  [Symbol.asyncDispose](): Promise<void> {
    return new Promise((resolve) => this.close(() => resolve()));
  }

  private connection(socket: TransportSocket): void {
    this.emit('connection', socket);
    if (socket.destroyed) return;
    this._connections.add(new ServerConnection(this, socket as HttpSocket));
  }

  private setupConnectionsTracking(): void {
    if (this._checkInterval !== null) timers.clearInterval(this._checkInterval);
    if (this.connectionsCheckingInterval <= 0) return;
    this._checkInterval = timers.setInterval(() => this.checkConnections(), this.connectionsCheckingInterval);
    unrefTimer(this._checkInterval);
  }

  private checkConnections(): void {
    if (this.headersTimeout === 0 && this.requestTimeout === 0) return;
    const now = DateNow();
    for (const conn of [...this._connections]) {
      if (!conn.active || conn.parser === null) continue;
      const elapsed = now - conn.messageStart;
      if (
        (!conn.headersDone && this.headersTimeout > 0 && elapsed > this.headersTimeout) ||
        (this.requestTimeout > 0 && elapsed > this.requestTimeout)
      ) {
        conn.requestTimedOut();
      }
    }
  }
}

// The bundle renames classes whose names clash (net, dgram and http each
// have one); Node prints this name in inspect output and error events.
Object.defineProperty(Server, 'name', { value: 'Server' });

/** A timeout option: a non-negative integer of milliseconds. */
function checkMs(value: unknown, name: string): number {
  validateInteger(value, name, 0);
  return value;
}

export function createServer(options?: ServerOptions | RequestListener, requestListener?: RequestListener): Server {
  return new Server(options, requestListener);
}
