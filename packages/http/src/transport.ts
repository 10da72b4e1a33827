/**
 * The TCP http runs on: our own `@mini/net`, always, imported like any
 * other dependency (Node's http requires its net the same way). The
 * interfaces below are the surface of it that http uses.
 *
 * There is no fallback to the host's `node:net`: http over the host's
 * sockets would keep every test green while nothing of ours ran. If our net
 * cannot be loaded, loading http fails with the reason, at once.
 */
import type { Duplex } from 'node:stream';
import type { EventEmitter } from 'node:events';
import { net } from '@mini/net';
import { clearInterval, clearTimeout, setInterval, setTimeout } from '@mini/timers';

/** The socket surface http uses: a Duplex with Node's net.Socket extras. */
export interface TransportSocket extends Duplex {
  remoteAddress?: string | undefined;
  remotePort?: number | undefined;
  localAddress?: string | undefined;
  localPort?: number | undefined;
  readonly connecting: boolean;
  setTimeout(ms: number, cb?: () => void): this;
  setNoDelay(noDelay?: boolean): this;
  setKeepAlive(enable?: boolean, initialDelay?: number): this;
  ref(): this;
  unref(): this;
  destroySoon?(): void;
  address(): unknown;
}

export interface TransportServer extends EventEmitter {
  listen(...args: unknown[]): this;
  close(cb?: (err?: Error) => void): this;
  address(): unknown;
  readonly listening: boolean;
  ref(): this;
  unref(): this;
  getConnections?(cb: (err: Error | null, count: number) => void): void;
}

export interface Transport {
  createServer(options: Record<string, unknown>, listener?: (socket: TransportSocket) => void): TransportServer;
  connect(options: Record<string, unknown>, listener?: () => void): TransportSocket;
}

export interface Timers {
  setTimeout(cb: () => void, ms: number): unknown;
  clearTimeout(t: unknown): void;
  setInterval(cb: () => void, ms: number): unknown;
  clearInterval(t: unknown): void;
}

const transport: Transport = net;

export function getTransport(): Transport {
  return transport;
}

/**
 * Our timers, taken directly rather than from the global scope: a program
 * may replace the globals (Node's http took its timers at load), and in a
 * plain Node program they run on our loop, which the host drives.
 */
export const timers: Timers = { setTimeout, clearTimeout, setInterval, clearInterval };

/** Unref a timer handle whichever implementation made it. */
export function unrefTimer(t: unknown): void {
  const h = t as { unref?: () => void };
  if (typeof h.unref === 'function') h.unref();
}
