/**
 * Where net and dgram meet a cluster worker. In a worker, a server's
 * listen() (and a UDP socket's bind()) does not bind by itself unless
 * asked to be `exclusive`: it asks the primary, which answers with the
 * listening socket itself (scheduling 'none', and always for UDP) or with
 * nothing but the address, in which case the primary accepts and sends
 * each connection over (round-robin). node:cluster lives in the process
 * package, above this one; it installs itself here when the process starts
 * as a worker, so net never loads it.
 */
import type { StreamHandle } from './handles/stream.js';
import type { UDP } from './handles/udp.js';

/** What a worker asks the primary for: Node's serverQuery, sent as is. */
export interface ServerQuery {
  address: string | null;
  port: number;
  /** 4, 6, -1 for a Unix path, or 'udp4' / 'udp6'. */
  addressType: number | string | null;
  fd?: number | undefined;
  flags?: number | undefined;
  backlog?: number | undefined;
  exclusive?: boolean;
}

/**
 * The stand-in for a listening handle when the primary accepts
 * (round-robin): connections arrive through `onconnection` as the primary
 * sends them; listen() only says yes.
 */
export interface ListenHandle {
  owner: unknown;
  onconnection: ((status: number, client?: StreamHandle) => void) | undefined;
  listen(backlog: number): number;
  close(): void;
  ref(): void;
  unref(): void;
  /** Present for TCP: the primary's address. */
  getsockname?: (out: Record<string, unknown>) => number;
}

export type GetServerCallback = (errno: number, handle: StreamHandle | ListenHandle | UDP | null) => void;

export interface ClusterWorker {
  getServer(owner: object, query: ServerQuery, callback: GetServerCallback): void;
}

let worker: ClusterWorker | undefined;

/** Called once by cluster in a worker process. */
export function setClusterWorker(w: ClusterWorker): void {
  worker = w;
}

/** The worker to ask, or undefined in a primary or a plain process. */
export function clusterWorker(): ClusterWorker | undefined {
  return worker;
}
