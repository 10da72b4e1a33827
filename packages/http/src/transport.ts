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
import { net } from '@mini/net';

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

export interface Transport {
  connect(options: Record<string, unknown>, listener?: () => void): TransportSocket;
}

const transport: Transport = net;

export function getTransport(): Transport {
  return transport;
}
