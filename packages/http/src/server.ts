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
import { codedError, validateBoolean, validateInteger, DateNow } from '@mini/sys';
import { maxHeaderSize as defaultMaxHeaderSize } from './common.js';
import { IncomingMessage } from './incoming.js';
import type { HttpSocket } from './outgoing.js';
import { ServerConnection } from './server-connection.js';
import { ServerResponse } from './server-response.js';
import { net } from '@mini/net';
import { clearInterval, setInterval, type Timeout } from '@mini/timers';
import type { TransportSocket } from './transport.js';

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

export class Server extends net.Server {
  timeout = 0;
  keepAliveTimeout = 5000;
  headersTimeout = 60_000;
  requestTimeout = 300_000;
  maxHeadersCount: number | null = null;
  maxRequestsPerSocket = 0;
  connectionsCheckingInterval = 30_000;
  maxHeaderSize!: number;
  httpAllowHalfOpen = false;
  requireHostHeader!: boolean;
  /** Lenient parsing (undefined: --insecure-http-parser decides). */
  insecureHTTPParser: boolean | undefined;
  joinDuplicateHeaders: boolean | undefined;
  /** The connections speaking HTTP (net.Server's `_connections` is their count). */
  readonly httpConnections = new Set<ServerConnection>();
  /** Our timers, not the global ones: a program may replace those (Node's http took its own at load). */
  _checkInterval: Timeout | null = null;

  constructor(options?: ServerOptions | RequestListener, requestListener?: RequestListener) {
    if (typeof options === 'function') {
      requestListener = options;
      options = {};
    }
    options ??= {};
    // An http.Server is the net.Server it listens with, as in Node.
    super({
      allowHalfOpen: true,
      noDelay: options.noDelay ?? true,
      keepAlive: options.keepAlive,
      keepAliveInitialDelay: options.keepAliveInitialDelay,
      highWaterMark: options.highWaterMark,
    });
    initHttpServer(this, options, requestListener, 'connection');
  }

  override close(cb?: (err?: Error) => void): this {
    this.closeIdleConnections();
    if (this._checkInterval !== null) {
      clearInterval(this._checkInterval);
      this._checkInterval = null;
    }
    return super.close(cb);
  }

  closeAllConnections(): void {
    for (const conn of [...this.httpConnections]) conn.socket.destroy();
  }

  closeIdleConnections(): void {
    for (const conn of [...this.httpConnections]) {
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

  setupConnectionsTracking(): void {
    if (this._checkInterval !== null) clearInterval(this._checkInterval);
    if (this.connectionsCheckingInterval <= 0) return;
    this._checkInterval = setInterval(() => this.checkConnections(), this.connectionsCheckingInterval);
    this._checkInterval.unref();
  }

  checkConnections(): void {
    if (this.headersTimeout === 0 && this.requestTimeout === 0) return;
    const now = DateNow();
    for (const conn of [...this.httpConnections]) {
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

/**
 * The HTTP half of a server: options, timeouts, and the listener that
 * makes each socket speak HTTP from `connectionEvent` on ('connection'
 * for http, 'secureConnection' for https, whose server is a tls.Server).
 */
export function initHttpServer(
  server: Server,
  options: ServerOptions,
  requestListener: RequestListener | undefined,
  connectionEvent: string,
): void {
  const self = server as unknown as Record<string, unknown> & Server;
  self.timeout = 0;
  self.keepAliveTimeout = 5000;
  self.requestTimeout = 300_000;
  self.maxHeadersCount = null;
  self.maxRequestsPerSocket = 0;
  self.connectionsCheckingInterval = 30_000;
  self.httpAllowHalfOpen = false;
  if (!(self.httpConnections instanceof Set)) (self as { httpConnections: Set<ServerConnection> }).httpConnections = new Set();
  self._checkInterval ??= null;
  if (options.requestTimeout !== undefined) self.requestTimeout = checkMs(options.requestTimeout, 'requestTimeout');
  if (options.headersTimeout !== undefined) self.headersTimeout = checkMs(options.headersTimeout, 'headersTimeout');
  else self.headersTimeout = Math.min(60_000, self.requestTimeout);
  if (options.keepAliveTimeout !== undefined) self.keepAliveTimeout = checkMs(options.keepAliveTimeout, 'keepAliveTimeout');
  if (options.connectionsCheckingInterval !== undefined) {
    self.connectionsCheckingInterval = checkMs(options.connectionsCheckingInterval, 'connectionsCheckingInterval');
  }
  if (self.requestTimeout > 0 && self.headersTimeout > 0 && self.headersTimeout > self.requestTimeout) {
    throw codedError('ERR_OUT_OF_RANGE', 'headersTimeout', '<= requestTimeout', self.headersTimeout);
  }
  self.maxHeaderSize = options.maxHeaderSize ?? defaultMaxHeaderSize;
  if (options.insecureHTTPParser !== undefined) validateBoolean(options.insecureHTTPParser, 'options.insecureHTTPParser');
  self.insecureHTTPParser = options.insecureHTTPParser;
  if (options.joinDuplicateHeaders !== undefined) validateBoolean(options.joinDuplicateHeaders, 'options.joinDuplicateHeaders');
  self.joinDuplicateHeaders = options.joinDuplicateHeaders;
  self.requireHostHeader = options.requireHostHeader ?? true;
  if (requestListener) self.on('request', requestListener);
  self.on(connectionEvent, connectionListener);
  self.on('listening', () => self.setupConnectionsTracking());
}

/** The methods an https.Server shares with http.Server (Node assigns them the same way). */
export const sharedServerMethods = [
  'close',
  'closeAllConnections',
  'closeIdleConnections',
  'setTimeout',
  'setupConnectionsTracking',
  'checkConnections',
] as const;

/**
 * The server's 'connection' listener, `http._connectionListener` as Node
 * exports it: `this` is the server, and the socket speaks HTTP from now on.
 * Packages that accept connections elsewhere hand them to a server so.
 */
function connectionListener(this: Server, socket: TransportSocket): void {
  if (socket.destroyed) return;
  this.httpConnections.add(new ServerConnection(this, socket as HttpSocket));
}

export { connectionListener as _connectionListener };

/** A timeout option: a non-negative integer of milliseconds. */
function checkMs(value: unknown, name: string): number {
  validateInteger(value, name, 0);
  return value;
}

export function createServer(options?: ServerOptions | RequestListener, requestListener?: RequestListener): Server {
  return new Server(options, requestListener);
}
