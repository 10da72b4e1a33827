/**
 * The TCP http runs on. Both host `node:net` and our own `net` satisfy it, so
 * the protocol code is the same over either; `setTransport` chooses (tests
 * run over both). The default is ours when it is there.
 */
import type { Duplex } from 'node:stream';
import type { EventEmitter } from 'node:events';

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

let transport: Transport | undefined;

/** Whether our own net is complete enough to carry http. */
function miniNet(): Transport | undefined {
  try {
    const mod = (require('@mini/net') as { net?: Partial<Transport> }).net;
    if (mod && typeof mod.createServer === 'function' && typeof mod.connect === 'function') return mod as Transport;
  } catch {
    // not built or not loadable: fall back below
  }
  return undefined;
}

export function getTransport(): Transport {
  return (transport ??= miniNet() ?? (require('node:net') as Transport));
}

export function setTransport(t: Transport): void {
  transport = t;
}

/**
 * Timers come from the global scope at call time: under `mini` those are
 * our loop's (installed before any program runs), in a plain Node program
 * the host's, the same loop the transport's sockets are on in each case.
 */
export const timers: Timers = {
  setTimeout: (cb, ms) => globalThis.setTimeout(cb, ms),
  clearTimeout: (t) => globalThis.clearTimeout(t as ReturnType<typeof globalThis.setTimeout>),
  setInterval: (cb, ms) => globalThis.setInterval(cb, ms),
  clearInterval: (t) => globalThis.clearInterval(t as ReturnType<typeof globalThis.setInterval>),
};

/** Unref a timer handle whichever implementation made it. */
export function unrefTimer(t: unknown): void {
  const h = t as { unref?: () => void };
  if (typeof h.unref === 'function') h.unref();
}
