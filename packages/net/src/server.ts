/**
 * net.Server: a listening TCP or Pipe handle and the sockets it accepts.
 *
 * listen() takes Node's overloads; the handle is bound and listening
 * inside the call (or after the host's name is resolved), 'listening' and
 * any 'error' follow on the next tick. With no host a TCP server binds
 * `::` (dual stack), falling back to 0.0.0.0 where IPv6 is missing, as
 * Node does. close() stops accepting at once and emits 'close' once the
 * last accepted socket is gone.
 */
import { EventEmitter } from 'node:events';
import { defaultLoop } from '@mini/loop';
import {
  setNonBlocking,
  UV_EINVAL,
  codedError,
  errnoException,
  uvExceptionWithHostPort,
  exceptionWithHostPort,
  UV_EADDRINUSE,
  validatePort,
  validateString,
  adoptable,
  isIP,
} from '@mini/sys';
import { StreamHandle } from './handles/stream.js';
import { guessHandleType } from './handles/tty.js';
import { TCP, UV_TCP_IPV6ONLY, type AddressInfo } from './handles/tcp.js';
import { Pipe } from './handles/pipe.js';
import { Socket } from './socket.js';
import { isPipeName, normalizeArgs, toNumber, type ConnectOptions } from './args.js';
import { lookup } from './lookup.js';
import { clusterWorker, type ListenHandle } from './cluster-hook.js';

export interface ServerOptions {
  allowHalfOpen?: boolean;
  pauseOnConnect?: boolean;
  noDelay?: boolean;
  keepAlive?: boolean;
  keepAliveInitialDelay?: number;
  highWaterMark?: number;
}

export type ConnectionListener = (socket: Socket) => void;

/**
 * The sockets of this server handed to one child process (child_process's
 * SocketListSend): the child is asked how many are still open, and to say
 * when all are closed.
 */
export interface WorkerSocketList {
  close(callback: (err: Error | null) => void): void;
  getConnections(): Promise<number>;
  once(event: 'exit', listener: (list: WorkerSocketList) => void): unknown;
}

export class Server extends adoptable(EventEmitter) {
  _connections = 0;
  /** Set once a socket of ours was sent to another process: close and getConnections ask it. */
  _usingWorkers = false;
  _workers: WorkerSocketList[] = [];
  /** The listening socket, or in a round-robin cluster worker the primary's stand-in for it. */
  _handle: StreamHandle | ListenHandle | null = null;
  _pipeName: string | undefined;
  _connectionKey: string | undefined;
  _unref = false;
  maxConnections: number | undefined;
  allowHalfOpen: boolean;
  pauseOnConnect: boolean;
  noDelay: boolean;
  keepAlive: boolean;
  keepAliveInitialDelay: number;
  highWaterMark: number | undefined;

  constructor(options?: ServerOptions | ConnectionListener, connectionListener?: ConnectionListener) {
    super();
    let opts: ServerOptions;
    if (typeof options === 'function') {
      opts = {};
      this.on('connection', options);
    } else if (options == null || typeof options === 'object') {
      opts = { ...options };
      if (typeof connectionListener === 'function') this.on('connection', connectionListener);
    } else {
      throw codedError('ERR_INVALID_ARG_TYPE', 'options', 'Object', options);
    }
    this.allowHalfOpen = opts.allowHalfOpen || false;
    this.pauseOnConnect = Boolean(opts.pauseOnConnect);
    this.noDelay = Boolean(opts.noDelay);
    this.keepAlive = Boolean(opts.keepAlive);
    this.keepAliveInitialDelay = ~~((opts.keepAliveInitialDelay ?? 0) / 1000);
    this.highWaterMark = opts.highWaterMark;
  }

  get listening(): boolean {
    return this._handle !== null && this._connectionKey !== undefined;
  }

  listen(...args: unknown[]): this {
    const [normalized, cb] = normalizeArgs(args);
    if (this._handle !== null) throw codedError('ERR_SERVER_ALREADY_LISTEN');
    if (cb !== null) this.once('listening', cb);
    const backlogFromArgs = toNumber(args.length > 1 && args[1]) || toNumber(args.length > 2 && args[2]) || undefined;
    // listen(handle), listen(server), listen({ handle }): a handle already made elsewhere.
    const given = normalized as ConnectOptions & { _handle?: unknown; handle?: unknown };
    const options = (given._handle || given.handle || given) as ConnectOptions;
    if (options instanceof StreamHandle) {
      this._handle = options;
      this.listenOnHandle(options, null, -1, -1, backlogFromArgs);
      return this;
    }
    if (typeof options.fd === 'number' && options.fd >= 0) {
      this.listenOnFd(options.fd, backlogFromArgs);
      return this;
    }
    const flags = options.ipv6Only ? UV_TCP_IPV6ONLY : 0;
    // listen(), listen(cb), listen(null), listen({port: undefined}): any free port.
    if (args.length === 0 || typeof args[0] === 'function' || (options.port === undefined && 'port' in options) || options.port === null) {
      options.port = 0;
    }
    if (typeof options.port === 'number' || typeof options.port === 'string') {
      const port = validatePort(options.port, 'options.port');
      const backlog = options.backlog || backlogFromArgs;
      const exclusive = Boolean(options.exclusive);
      if (options.host) this.lookupAndListen(port, options.host, backlog, flags, exclusive);
      else this.listenInCluster(null, port, 4, backlog, flags, exclusive);
      return this;
    }
    if (options.path && isPipeName(options.path)) {
      this._pipeName = options.path;
      this.listenInCluster(options.path, -1, -1, options.backlog || backlogFromArgs, 0, Boolean(options.exclusive));
      return this;
    }
    if (!('port' in options || 'path' in options)) {
      throw codedError('ERR_INVALID_ARG_VALUE', 'options', options, 'must have the property "port" or "path"');
    }
    throw codedError('ERR_INVALID_ARG_VALUE', 'options', options);
  }

  private lookupAndListen(port: number, host: unknown, backlog: number | undefined, flags: number, exclusive: boolean): void {
    validateString(host, 'hostname');
    const family = isIP(host);
    if (family !== 0) {
      // dns.lookup answers a literal on the next tick.
      process.nextTick(() => this.listenInCluster(host, port, family, backlog, flags, exclusive));
      return;
    }
    lookup(host, 0, (err, ip, addressType) => {
      if (err) this.emit('error', err);
      // Asked without `all`: one address, a string.
      else this.listenInCluster((ip as string | undefined) ?? null, port, ip ? (addressType ?? 4) : 4, backlog, flags, exclusive);
    });
  }

  /**
   * In a cluster worker, unless `exclusive`, the primary holds the socket:
   * ask it, and listen on what it answers (cluster-hook.ts). A bind error
   * there is this server's 'error', with the 'bind' syscall, as Node's.
   */
  private listenInCluster(
    address: string | null,
    port: number,
    addressType: number,
    backlog: number | undefined,
    flags: number,
    exclusive: boolean,
  ): void {
    const worker = clusterWorker();
    if (worker === undefined || exclusive) {
      this.setupListenHandle(address, port, addressType, backlog, flags);
      return;
    }
    worker.getServer(this, { address, port, addressType, fd: undefined, flags, backlog }, (errno, handle) => {
      const err = errno !== 0 ? errno : checkBindError(port, handle as StreamHandle | ListenHandle);
      if (err !== 0) {
        this.emit('error', exceptionWithHostPort(err, 'bind', address, port));
        return;
      }
      this._handle = handle as StreamHandle | ListenHandle;
      this.setupListenHandle(address, port, addressType, backlog, flags);
    });
  }

  private setupListenHandle(address: string | null, port: number, addressType: number, backlog: number | undefined, flags: number): void {
    // Given by the cluster primary: already bound.
    if (this._handle !== null) {
      this.listenOnHandle(this._handle, address, port, addressType, backlog);
      return;
    }
    const created = createServerHandle(address, port, addressType, flags);
    if (typeof created === 'number') {
      const error = uvExceptionWithHostPort(created, 'listen', address ?? '0.0.0.0', port);
      process.nextTick(() => this.emit('error', error));
      return;
    }
    this._handle = created.handle;
    this.listenOnHandle(created.handle, created.address, port, created.addressType, backlog);
  }

  /** A descriptor given by the caller: a TCP or Pipe socket, anything else EINVAL, as Node reports it. */
  private listenOnFd(fd: number, backlog: number | undefined): void {
    const type = guessHandleType(fd);
    if (type !== 'TCP' && type !== 'PIPE') {
      const error = uvExceptionWithHostPort(UV_EINVAL, 'listen', null, undefined);
      process.nextTick(() => this.emit('error', error));
      return;
    }
    setNonBlocking(fd, true);
    const handle = type === 'TCP' ? new TCP(defaultLoop(), fd) : new Pipe(defaultLoop(), fd);
    this._handle = handle;
    this.listenOnHandle(handle, null, null, null, backlog);
  }

  /** Start accepting on `this._handle`; the address parts only name the server (`_connectionKey`, errors). */
  private listenOnHandle(
    handle: StreamHandle | ListenHandle,
    address: string | null,
    port: number | null,
    addressType: number | null,
    backlog: number | undefined,
  ): void {
    handle.owner = this;
    handle.onconnection = (status, client) => this.onconnection(status, client);
    // 511: the kernel rounds backlog + 1 up to a power of two, giving 512.
    const err = handle.listen(backlog || 511);
    if (err < 0) {
      const ex = uvExceptionWithHostPort(err, 'listen', address, port ?? undefined);
      handle.close();
      this._handle = null;
      process.nextTick(() => this.emit('error', ex));
      return;
    }
    this._connectionKey = `${addressType}:${address}:${port}`;
    if (this._unref) this.unref();
    process.nextTick(() => {
      if (this._handle !== null) this.emit('listening');
    });
  }

  private onconnection(status: number, client?: StreamHandle): void {
    if (status < 0 || client === undefined) {
      this.emit('error', errnoException(status, 'accept'));
      return;
    }
    if (this.maxConnections != null && this._connections >= this.maxConnections) {
      this.emit('drop', dropInfo(client));
      client.close();
      return;
    }
    const socket = new Socket({
      handle: client,
      allowHalfOpen: this.allowHalfOpen,
      pauseOnCreate: this.pauseOnConnect,
      readable: true,
      writable: true,
      keepAlive: this.keepAlive,
      keepAliveInitialDelay: this.keepAliveInitialDelay * 1000,
      noDelay: this.noDelay && client instanceof TCP,
      ...(this.highWaterMark !== undefined ? { highWaterMark: this.highWaterMark } : {}),
    });
    if (this.noDelay && client instanceof TCP) {
      // On the handle, as Node does: socket.setNoDelay is the program's to
      // call (and to see called); the socket's options record the state.
      client.setNoDelay(true);
    }
    if (this.keepAlive && client instanceof TCP) client.setKeepAlive(true, this.keepAliveInitialDelay);
    this._connections++;
    socket.server = this;
    socket._server = this;
    this.emit('connection', socket);
  }

  address(): Partial<AddressInfo> | string | null {
    const handle = this._handle;
    const faux = handle !== null && !(handle instanceof StreamHandle) ? handle : null;
    if (handle instanceof TCP || faux?.getsockname !== undefined) {
      const out: Partial<AddressInfo> = {};
      const err = handle instanceof TCP ? handle.getsockname(out) : faux!.getsockname!(out as Record<string, unknown>);
      if (err < 0) throw errnoException(err, 'address');
      return out;
    }
    if (this._pipeName !== undefined) return this._pipeName;
    return null;
  }

  close(cb?: (err?: Error) => void): this {
    if (typeof cb === 'function') {
      if (this._handle === null) this.once('close', () => cb(codedError('ERR_SERVER_NOT_RUNNING')));
      else this.once('close', cb);
    }
    if (this._handle !== null) {
      this._handle.close();
      this._handle = null;
    }
    if (this._usingWorkers) {
      let left = this._workers.length;
      const onWorkerClose = (): void => {
        if (--left !== 0) return;
        this._connections = 0;
        this._emitCloseIfDrained();
      };
      // Held while the children answer, so that 'close' comes once, after the last of them.
      this._connections++;
      for (const worker of this._workers) worker.close(onWorkerClose);
    } else {
      this._emitCloseIfDrained();
    }
    return this;
  }

  /** A child process now holds some of our sockets (called by child_process when it sends one). */
  _setupWorker(list: WorkerSocketList): void {
    this._usingWorkers = true;
    this._workers.push(list);
    list.once('exit', (l) => {
      const i = this._workers.indexOf(l);
      if (i >= 0) this._workers.splice(i, 1);
    });
  }

  _emitCloseIfDrained(): void {
    if (this._handle !== null || this._connections > 0) return;
    process.nextTick(() => this.emit('close'));
  }

  getConnections(cb: (err: Error | null, count?: number) => void): this {
    const end = (err: Error | null, count?: number): void => {
      process.nextTick(cb, err, count);
    };
    if (!this._usingWorkers) {
      end(null, this._connections);
      return this;
    }
    // Ours plus each child's count; the first failure ends it.
    let left = this._workers.length;
    let total = this._connections;
    const onCount = (err: Error | null, count?: number): void => {
      if (left < 0) return;
      if (err !== null) {
        left = -1;
        end(err);
        return;
      }
      total += count!;
      if (--left === 0) end(null, total);
    };
    // With no child left (all exited), neither this nor close() calls back: Node's behaviour.
    for (const worker of this._workers) worker.getConnections().then((n) => onCount(null, n), onCount);
    return this;
  }

  ref(): this {
    this._unref = false;
    this._handle?.ref();
    return this;
  }

  unref(): this {
    this._unref = true;
    this._handle?.unref();
    return this;
  }

  [Symbol.asyncDispose](): Promise<void> {
    if (this._handle === null) return Promise.resolve();
    return new Promise((resolve, reject) => this.close((err) => (err ? reject(err) : resolve())));
  }
}

// The bundle renames classes whose names clash (net, dgram and http each
// have one); Node prints this name in inspect output and error events.
Object.defineProperty(Server, 'name', { value: 'Server' });

/**
 * A bound TCP or Pipe handle for `address`; for no address, dual-stack
 * IPv6 where this host has it, else 0.0.0.0 (and an error then names
 * 0.0.0.0). The cluster primary makes the handles it shares with this.
 */
export function createServerHandle(
  address: string | null,
  port: number,
  addressType: number,
  flags: number,
): { handle: StreamHandle; address: string; addressType: number } | number {
  if (address === null) {
    const v6 = bindServerHandle('::', port, 6, flags);
    if (typeof v6 !== 'number') return { handle: v6, address: '::', addressType: 6 };
    const v4 = bindServerHandle('0.0.0.0', port, 4, flags);
    return typeof v4 === 'number' ? v4 : { handle: v4, address: '0.0.0.0', addressType: 4 };
  }
  const handle = bindServerHandle(address, port, addressType, flags);
  return typeof handle === 'number' ? handle : { handle, address, addressType };
}

/** Node's checkBindError: a worker that asked for a port and was given another one (the primary bound it twice) is in use. */
function checkBindError(port: number, handle: StreamHandle | ListenHandle): number {
  if (port <= 0) return 0;
  const out: Record<string, unknown> = {};
  let err: number;
  if (handle instanceof TCP) err = handle.getsockname(out as Partial<AddressInfo>);
  else if (!(handle instanceof StreamHandle) && handle.getsockname !== undefined) err = handle.getsockname(out);
  else return 0;
  return err === 0 && out['port'] !== port ? UV_EADDRINUSE : err;
}

function bindServerHandle(address: string, port: number, addressType: number, flags: number): StreamHandle | number {
  const loop = defaultLoop();
  if (port === -1 && addressType === -1) {
    const pipe = new Pipe(loop);
    const err = pipe.bind(address);
    if (err < 0) {
      pipe.close();
      return err;
    }
    return pipe;
  }
  const tcp = new TCP(loop);
  const err = addressType === 6 ? tcp.bind6(address, port, flags) : tcp.bind(address, port);
  if (err < 0) {
    tcp.close();
    return err;
  }
  return tcp;
}

function dropInfo(client: StreamHandle): Record<string, unknown> {
  const data: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  if (client instanceof TCP) {
    const local: Partial<AddressInfo> = {};
    client.getsockname(local);
    data['localAddress'] = local.address;
    data['localPort'] = local.port;
    data['localFamily'] = local.family;
    const remote: Partial<AddressInfo> = {};
    client.getpeername(remote);
    data['remoteAddress'] = remote.address;
    data['remotePort'] = remote.port;
    data['remoteFamily'] = remote.family;
  }
  return data;
}
