/**
 * Agent: pools client sockets per origin (`host:port:localAddress:family`).
 *
 *   sockets[name]      in use, at most maxSockets per name
 *   freeSockets[name]  idle keep-alive sockets, unref'd, reused LIFO/FIFO
 *   requests[name]     requests waiting for a socket
 *
 * A request that finishes with its response on a keep-alive socket makes
 * the socket emit 'free'; the agent hands it to the next waiting request
 * or parks it.
 */
import { EventEmitter } from 'node:events';
import type { ClientRequest } from './client.js';
import type { HttpSocket } from './outgoing.js';
import { getTransport, type TransportSocket } from './transport.js';
import { captureAsyncContext, runInAsyncContext, type AsyncContext } from '@mini/loop';
import { adoptable, copyProperties, isIP } from '@mini/sys';

export interface AgentOptions {
  keepAlive?: boolean;
  keepAliveMsecs?: number;
  maxSockets?: number;
  maxTotalSockets?: number;
  maxFreeSockets?: number;
  scheduling?: 'fifo' | 'lifo';
  timeout?: number;
  [key: string]: unknown;
}

export interface ConnectOptions {
  host?: string;
  hostname?: string;
  port?: number | string;
  localAddress?: string;
  family?: number;
  [key: string]: unknown;
}

/** The async context each waiting request was made in (only while one is tracked). */
const queuedContexts = new WeakMap<ClientRequest, AsyncContext>();

function inQueuedContext(req: ClientRequest, fn: () => void): void {
  const context = queuedContexts.get(req);
  if (context === undefined) return fn();
  queuedContexts.delete(req);
  runInAsyncContext(context, fn, undefined, []);
}

type PooledSocket = HttpSocket & { _agentName?: string; timeout?: number };

/** createSocket's callback for a request of the pool's own: the socket, or the error, goes to the request. */
function handOver(req: ClientRequest): (err: Error | null, socket?: PooledSocket) => void {
  return (err, socket) => req.onSocket(socket!, err ?? undefined);
}

export class Agent extends adoptable(EventEmitter) {
  // Declared, not initialized: the constructor assigns each as Node's does,
  // in Node's order, so a subclass's accessor for one of them (agent-base's
  // `protocol`, which npm's and every proxy agent's https rely on) sees the
  // assignment instead of being shadowed by an own property.
  declare defaultPort: number;
  declare protocol: string;
  declare options: AgentOptions;
  declare requests: Record<string, ClientRequest[]>;
  declare sockets: Record<string, PooledSocket[]>;
  declare freeSockets: Record<string, PooledSocket[]>;
  declare keepAliveMsecs: number;
  declare keepAlive: boolean;
  declare maxSockets: number;
  declare maxFreeSockets: number;
  declare scheduling: 'fifo' | 'lifo';
  declare maxTotalSockets: number;
  declare totalSocketCount: number;

  constructor(options?: AgentOptions) {
    super();
    this.defaultPort = 80;
    this.protocol = 'http:';
    this.options = { __proto__: null, ...options } as AgentOptions;
    this.options.path = null;
    this.requests = Object.create(null) as Record<string, ClientRequest[]>;
    this.sockets = Object.create(null) as Record<string, PooledSocket[]>;
    this.freeSockets = Object.create(null) as Record<string, PooledSocket[]>;
    this.keepAliveMsecs = this.options.keepAliveMsecs ?? 1000;
    this.keepAlive = this.options.keepAlive ?? false;
    this.maxSockets = this.options.maxSockets ?? Infinity;
    this.maxFreeSockets = this.options.maxFreeSockets ?? 256;
    this.scheduling = this.options.scheduling ?? 'lifo';
    this.maxTotalSockets = this.options.maxTotalSockets ?? Infinity;
    this.totalSocketCount = 0;
    this.on('free', (socket: PooledSocket, options: ConnectOptions) => this.onFree(socket, options));
  }

  getName(options: ConnectOptions = {}): string {
    let name = options.host || 'localhost';
    name += ':';
    if (options.port) name += String(options.port);
    name += ':';
    if (options.localAddress) name += options.localAddress;
    if (options.family === 4 || options.family === 6) name += `:${options.family}`;
    return name;
  }

  createConnection(options: ConnectOptions, cb?: () => void): TransportSocket {
    return getTransport().connect(options, cb);
  }

  addRequest(req: ClientRequest, requestOptions: ConnectOptions): void {
    // As Node's: the agent's options (path: null among them) over the
    // request's, before anything sees them (createSocket, and a subclass's).
    const options = copyProperties<ConnectOptions>(requestOptions, this.options);
    if (!options.servername && options.servername !== '') options.servername = serverName(options, req);
    const name = this.getName(options);
    const free = this.freeSockets[name];
    if (free && free.length) {
      const socket = this.scheduling === 'fifo' ? free.shift()! : free.pop()!;
      if (free.length === 0) delete this.freeSockets[name];
      this.reuseSocket(socket, req);
      (this.sockets[name] ??= []).push(socket);
      req.onSocket(socket);
      return;
    }
    const inUse = this.sockets[name]?.length ?? 0;
    if (inUse < this.maxSockets && this.totalSocketCount < this.maxTotalSockets) {
      this.createSocket(req, options, handOver(req));
    } else {
      // It gets its socket later, from another request's callbacks: in its own context, as on Node.
      const context = captureAsyncContext('QueuedRequest');
      if (context !== undefined) queuedContexts.set(req, context);
      (this.requests[name] ??= []).push(req);
    }
  }

  /**
   * A new socket for `req`, given to `cb` as Node's Agent gives it: from
   * createConnection's return value, or from the callback it is handed, for
   * subclasses whose connection is made later (agent-base's connect(),
   * under npm's and the proxy agents' https, overrides this and calls back).
   */
  createSocket(req: ClientRequest, options: ConnectOptions, cb: (err: Error | null, socket?: PooledSocket) => void): void {
    // The request's path is not a Unix socket path: the agent's options (path: null) win.
    const opts = copyProperties<ConnectOptions>(options, this.options);
    if (!opts.servername && opts.servername !== '') opts.servername = serverName(opts, req);
    const name = this.getName(opts);
    opts._agentKey = name;
    let created = false;
    const oncreate = (err?: Error | null, socket?: TransportSocket): void => {
      if (created) return;
      created = true;
      if (err) return cb(err);
      cb(null, this.adopt(socket as PooledSocket, name, options));
    };
    const socket = req._createConnection ? req._createConnection(opts, oncreate) : this.createConnection(opts, oncreate);
    if (socket) oncreate(null, socket);
  }

  /** A socket made for this pool, counted and listened to until it leaves. */
  private adopt(socket: PooledSocket, name: string, options: ConnectOptions): PooledSocket {
    socket._agentName = name;
    this.totalSocketCount++;
    (this.sockets[name] ??= []).push(socket);
    const onFree = (): void => {
      this.emit('free', socket, options);
    };
    const onClose = (): void => this.removeSocket(socket, name);
    const onTimeout = (): void => {
      // Only an idle pooled socket is ours to end; an active one belongs to its request.
      if (this.freeSockets[name]?.includes(socket)) socket.destroy();
    };
    const onRemove = (): void => {
      this.removeSocket(socket, name);
      socket.removeListener('free', onFree);
      socket.removeListener('close', onClose);
      socket.removeListener('timeout', onTimeout);
      socket.removeListener('agentRemove', onRemove);
    };
    socket.on('free', onFree);
    socket.on('close', onClose);
    socket.on('timeout', onTimeout);
    socket.on('agentRemove', onRemove);
    return socket;
  }

  private removeSocket(socket: PooledSocket, name: string): void {
    for (const table of [this.sockets, this.freeSockets]) {
      const list = table[name];
      if (!list) continue;
      const i = list.indexOf(socket);
      if (i === -1) continue;
      list.splice(i, 1);
      if (table === this.sockets) this.totalSocketCount--;
      if (list.length === 0) delete table[name];
    }
    // A slot opened: the next waiting request gets a fresh socket.
    const waiting = this.requests[name];
    if (waiting && waiting.length) {
      const req = waiting.shift()!;
      if (waiting.length === 0) delete this.requests[name];
      inQueuedContext(req, () => this.createSocket(req, req._connectOptions, handOver(req)));
    }
  }

  private onFree(socket: PooledSocket, options: ConnectOptions): void {
    const name = socket._agentName ?? this.getName(options);
    const waiting = this.requests[name];
    if (!socket.writable) {
      socket.destroy();
      return;
    }
    if (waiting && waiting.length) {
      const req = waiting.shift()!;
      if (waiting.length === 0) delete this.requests[name];
      inQueuedContext(req, () => {
        this.reuseSocket(socket, req);
        req.onSocket(socket);
      });
      return;
    }
    const req = socket._httpMessage as ClientRequest | null | undefined;
    const inUse = this.sockets[name];
    if (inUse) {
      const i = inUse.indexOf(socket);
      if (i !== -1) inUse.splice(i, 1);
      if (inUse.length === 0) delete this.sockets[name];
    }
    const free = (this.freeSockets[name] ??= []);
    if (!this.keepAlive || (req && !req.shouldKeepAlive) || free.length >= this.maxFreeSockets || !this.keepSocketAlive(socket)) {
      if (free.length === 0) delete this.freeSockets[name];
      this.totalSocketCount--;
      socket.destroy();
      return;
    }
    // Parked sockets are no longer counted as in use; they count again when reused.
    this.totalSocketCount--;
    free.push(socket);
  }

  keepSocketAlive(socket: PooledSocket): boolean {
    socket.setKeepAlive(true, this.keepAliveMsecs);
    socket.unref();
    const timeout = this.options.timeout ?? 0;
    if (socket.timeout !== timeout) socket.setTimeout(timeout);
    return true;
  }

  reuseSocket(socket: PooledSocket, req: ClientRequest): void {
    req.reusedSocket = true;
    // Its next events belong to this request's async context, not the one it was made in.
    (socket as { _handle?: { asyncReset?: () => void } | null })._handle?.asyncReset?.();
    this.totalSocketCount++;
    socket.ref();
  }

  destroy(): void {
    for (const table of [this.freeSockets, this.sockets]) {
      for (const name of Object.keys(table)) for (const s of [...table[name]!]) s.destroy();
    }
  }
}

/** The name TLS asks the server for (SNI): the Host header's or the host's, never an IP address. */
function serverName(options: ConnectOptions, req: ClientRequest): string {
  let servername = options.host ?? '';
  const hostHeader = req.getHeader('host');
  if (typeof hostHeader === 'string') {
    servername = hostHeader.startsWith('[') ? hostHeader.slice(1, Math.max(1, hostHeader.indexOf(']'))) : hostHeader.split(':', 1)[0]!;
  }
  return isIP(servername) ? '' : servername;
}

export const globalAgent = new Agent({ keepAlive: true, scheduling: 'lifo', timeout: 5000 });
