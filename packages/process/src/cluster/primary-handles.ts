/**
 * What the primary holds for the servers its workers listen on, one per
 * address (Node's RoundRobinHandle and SharedHandle).
 *
 *   RoundRobinHandle   the primary listens and accepts; each connection's
 *                      descriptor goes to the next free worker, one at a
 *                      time per worker (the next after its answer). The
 *                      workers hold no listening socket.
 *   SharedHandle       the primary only binds; every worker gets the bound
 *                      socket and accepts on it (the kernel picks who).
 *                      UDP is always shared: there is nothing to hand out.
 *
 * `add` answers a worker's queryServer through `reply(errno, extra,
 * handle)`; `remove` drops a worker and says whether it was the last, in
 * which case the handle is closed and forgotten.
 */
import { net, createServerHandle, TCP, UDP, UV_TCP_IPV6ONLY, type StreamHandle, type AddressInfo } from '@mini/net';
import { sendHelper } from './protocol.js';
import type { Worker } from './worker.js';

type WorkerInstance = InstanceType<typeof Worker>;

export type AddReply = (errno: number | null, extra: object | null, handle: StreamHandle | UDP | null) => void;

export interface QueryMessage {
  address?: string | null;
  port?: number;
  addressType?: number | string | null;
  fd?: number;
  flags?: number;
  backlog?: number;
  data?: unknown;
}

export interface PrimaryHandle {
  data: unknown;
  add(worker: WorkerInstance, reply: AddReply): void;
  remove(worker: WorkerInstance): boolean;
}

type NetServer = InstanceType<typeof net.Server>;

export class RoundRobinHandle implements PrimaryHandle {
  data: unknown = undefined;
  private readonly all = new Map<number, WorkerInstance>();
  /** Workers waiting for a connection, in the order they became free. */
  private readonly free = new Map<number, WorkerInstance>();
  /** Accepted connections no worker has taken yet. */
  private readonly pending: StreamHandle[] = [];
  /** The connection each worker was sent and has not answered for: closed if the worker goes. */
  private readonly inFlight = new Map<number, StreamHandle>();
  private handle: StreamHandle | null = null;
  /** Binding (and resolving the host) through a net.Server, until it listens. */
  private server: NetServer | null;

  constructor(
    readonly key: string,
    address: string | null,
    { port, fd, flags, backlog }: QueryMessage,
  ) {
    const server = net.createServer(() => {
      throw new Error('a round-robin server never accepts itself');
    });
    this.server = server;
    if (typeof fd === 'number' && fd >= 0) server.listen({ fd, backlog });
    else if (port !== undefined && port >= 0) {
      server.listen({ port, host: address ?? undefined, ipv6Only: Boolean((flags ?? 0) & UV_TCP_IPV6ONLY), backlog });
    } else server.listen({ path: address ?? undefined, backlog });
    server.once('listening', () => {
      const handle = server._handle as StreamHandle;
      this.handle = handle;
      handle.onconnection = (status, client) => this.distribute(status, client);
      server._handle = null;
      this.server = null;
    });
  }

  add(worker: WorkerInstance, reply: AddReply): void {
    this.all.set(worker.id, worker);
    const done = (): void => {
      const handle = this.handle!;
      if (handle instanceof TCP) {
        const sockname: Partial<AddressInfo> = {};
        handle.getsockname(sockname);
        reply(null, { sockname }, null);
      } else {
        reply(null, null, null); // A Unix path.
      }
      // Connections may be waiting already.
      this.handoff(worker);
    };
    if (this.server === null) {
      done();
      return;
    }
    this.server.once('listening', done);
    this.server.once('error', (err: NodeJS.ErrnoException) => reply(err.errno ?? null, null, null));
  }

  remove(worker: WorkerInstance): boolean {
    if (!this.all.delete(worker.id)) return false;
    this.free.delete(worker.id);
    // Sent to a worker that is gone: dropped, as that worker's.
    const lost = this.inFlight.get(worker.id);
    if (lost !== undefined) {
      this.inFlight.delete(worker.id);
      lost.close();
    }
    if (this.all.size !== 0) return false;
    for (const handle of this.pending.splice(0)) handle.close();
    this.handle?.close();
    this.handle = null;
    return true;
  }

  private distribute(status: number, client: StreamHandle | undefined): void {
    // A failed accept is skipped.
    if (status < 0 || client === undefined) return;
    this.pending.push(client);
    const first = this.free.values().next();
    if (first.done !== true) {
      this.free.delete(first.value.id);
      this.handoff(first.value);
    }
  }

  private handoff(worker: WorkerInstance): void {
    // Closing the server, or gone.
    if (!this.all.has(worker.id)) return;
    const handle = this.pending.shift();
    if (handle === undefined) {
      this.free.set(worker.id, worker);
      return;
    }
    this.inFlight.set(worker.id, handle);
    sendHelper(worker.process, { act: 'newconn', key: this.key }, handle, (reply) => {
      this.inFlight.delete(worker.id);
      if (reply['accepted'] === true) handle.close();
      // Shutting down: another worker takes it.
      else this.distribute(0, handle);
      this.handoff(worker);
    });
  }
}

export class SharedHandle implements PrimaryHandle {
  data: unknown = undefined;
  private readonly workers = new Map<number, WorkerInstance>();
  private handle: StreamHandle | UDP | null = null;
  private readonly errno: number;

  constructor(
    readonly key: string,
    address: string | null,
    { port, addressType, flags }: QueryMessage,
  ) {
    let made: StreamHandle | UDP | number;
    if (addressType === 'udp4' || addressType === 'udp6') {
      made = bindUdp(address ?? '', port ?? 0, addressType, flags ?? 0);
    } else {
      const tcp = createServerHandle(address, port ?? 0, typeof addressType === 'number' ? addressType : 4, flags ?? 0);
      made = typeof tcp === 'number' ? tcp : tcp.handle;
    }
    if (typeof made === 'number') this.errno = made;
    else {
      this.errno = 0;
      this.handle = made;
    }
  }

  add(worker: WorkerInstance, reply: AddReply): void {
    this.workers.set(worker.id, worker);
    reply(this.errno, null, this.handle);
  }

  remove(worker: WorkerInstance): boolean {
    if (!this.workers.delete(worker.id)) return false;
    if (this.workers.size !== 0) return false;
    this.handle?.close();
    this.handle = null;
    return true;
  }
}

/** A bound UDP handle to share (Node's dgram._createSocketHandle), or the errno of the bind. */
function bindUdp(address: string, port: number, type: 'udp4' | 'udp6', flags: number): UDP | number {
  const handle = new UDP();
  const err = handle.bind(type === 'udp4' ? 4 : 6, address, port >>> 0, flags);
  if (err !== 0) {
    handle.close();
    return err;
  }
  return handle;
}
