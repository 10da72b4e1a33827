/**
 * Addresses for the UDP handle: text → `struct sockaddr` for sends and
 * binds, and `struct sockaddr` → Node's rinfo for every received datagram.
 *
 * Both sit on the per-datagram path, so both cache: a sender usually talks
 * to one peer (the last encoded destination is kept), and a receiver
 * usually hears from a few (the last decoded IPv4 text is kept).
 */
import { isIPv4, isIPv6, AF_INET, AF_INET6, decodeSockaddr, encodeInet, UV_EINVAL } from '@mini/sys';

export type Family = 4 | 6;

/** What Node calls rinfo, before the API adds `size`. */
export interface RemoteInfo {
  address: string;
  family: 'IPv4' | 'IPv6';
  port: number;
}

/**
 * libuv's uv_ip4_addr / uv_ip6_addr: the text must be a literal of the
 * handle's family, or the call fails with EINVAL (a udp4 socket cannot
 * send to '::1'). A numeric `%scope` is kept on IPv6.
 */
export function parseAddress(family: Family, ip: string, port: number): Buffer | number {
  if (family === 4 ? !isIPv4(ip) : !isIPv6(ip.split('%')[0]!)) return UV_EINVAL;
  // The kernel wants a 16-bit port; Node passes what the user gave, truncated.
  return encodeInet(ip, port & 0xffff);
}

/** The wildcard address of a family, for implicit binds. */
export function anyAddress(family: Family): Buffer {
  return encodeInet(family === 4 ? '0.0.0.0' : '::', 0);
}

export function domainOf(family: Family): number {
  return family === 4 ? AF_INET : AF_INET6;
}

/** Encodes destinations, remembering the last one. */
export class DestinationCache {
  private ip = '';
  private port = -1;
  private family: Family = 4;
  private encoded: Buffer | number = UV_EINVAL;

  get(family: Family, ip: string, port: number): Buffer | number {
    if (ip !== this.ip || port !== this.port || family !== this.family) {
      this.ip = ip;
      this.port = port;
      this.family = family;
      this.encoded = parseAddress(family, ip, port);
    }
    return this.encoded;
  }
}

/** Decodes source addresses; IPv4 without a detour through a Buffer view. */
export class SourceDecoder {
  private lastKey = -1;
  private lastText = '';

  decode(buf: Uint8Array, len: number): RemoteInfo | undefined {
    if (len >= 8 && (buf[0]! | (buf[1]! << 8)) === AF_INET) {
      const port = (buf[2]! << 8) | buf[3]!;
      const key = ((buf[4]! << 24) | (buf[5]! << 16) | (buf[6]! << 8) | buf[7]!) >>> 0;
      if (key !== this.lastKey) {
        this.lastKey = key;
        this.lastText = `${buf[4]}.${buf[5]}.${buf[6]}.${buf[7]}`;
      }
      return { address: this.lastText, family: 'IPv4', port };
    }
    const a = decodeSockaddr(buf, len);
    if (a === undefined || a.family === 'unix') return undefined;
    return { address: a.address, family: a.family, port: a.port };
  }
}
