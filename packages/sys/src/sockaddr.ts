/**
 * struct sockaddr_in / sockaddr_in6 / sockaddr_un as bytes.
 *
 *   sockaddr_in   16 B: family u16 | port u16 BE | addr 4 B | zero 8 B
 *   sockaddr_in6  28 B: family u16 | port u16 BE | flowinfo u32 | addr 16 B | scope_id u32
 *   sockaddr_un  110 B: family u16 | path (NUL-terminated; a leading NUL = abstract name)
 */
import { AF_INET, AF_INET6, AF_UNIX } from './libc/socket.js';
import { isIPv4, isIPv6 } from './ip.js';

export const SOCKADDR_MAX = 128;
const UNIX_PATH_MAX = 108;

export interface InetAddress {
  family: 'IPv4' | 'IPv6';
  address: string;
  port: number;
}

export interface UnixAddress {
  family: 'unix';
  path: string;
}

export type SocketAddress = InetAddress | UnixAddress;

export function encodeInet(address: string, port: number): Buffer {
  if (isIPv4(address)) {
    const buf = Buffer.alloc(16);
    buf.writeUInt16LE(AF_INET, 0);
    buf.writeUInt16BE(port, 2);
    const parts = address.split('.');
    for (let i = 0; i < 4; i++) buf[4 + i] = Number(parts[i]);
    return buf;
  }
  if (isIPv6(address)) {
    const buf = Buffer.alloc(28);
    buf.writeUInt16LE(AF_INET6, 0);
    buf.writeUInt16BE(port, 2);
    const [addr, scope] = address.split('%');
    parseIPv6(addr!).copy(buf, 8);
    if (scope !== undefined && /^\d+$/.test(scope)) buf.writeUInt32LE(Number(scope), 24);
    return buf;
  }
  throw new TypeError(`not an IP address: ${address}`);
}

/** Encode a Unix socket path; a path starting with '\0' is a Linux abstract name. */
export function encodeUnix(path: string): Buffer {
  const bytes = Buffer.from(path);
  if (bytes.length >= UNIX_PATH_MAX) throw new RangeError(`unix socket path too long: ${path}`);
  const abstract = bytes[0] === 0;
  const buf = Buffer.alloc(2 + bytes.length + (abstract ? 0 : 1));
  buf.writeUInt16LE(AF_UNIX, 0);
  bytes.copy(buf, 2);
  return buf;
}

export function decodeSockaddr(buf: Uint8Array, len: number): SocketAddress | undefined {
  const b = Buffer.from(buf.buffer, buf.byteOffset, len);
  if (len < 2) return undefined;
  const family = b.readUInt16LE(0);
  if (family === AF_INET && len >= 8) {
    return { family: 'IPv4', address: `${b[4]}.${b[5]}.${b[6]}.${b[7]}`, port: b.readUInt16BE(2) };
  }
  if (family === AF_INET6 && len >= 24) {
    let address = formatIPv6(b.subarray(8, 24));
    const scope = len >= 28 ? b.readUInt32LE(24) : 0;
    if (scope !== 0) address += `%${scope}`;
    return { family: 'IPv6', address, port: b.readUInt16BE(2) };
  }
  if (family === AF_UNIX) {
    const raw = b.subarray(2, len);
    if (raw.length > 0 && raw[0] === 0) return { family: 'unix', path: raw.toString('latin1') };
    const end = raw.indexOf(0);
    return { family: 'unix', path: raw.subarray(0, end < 0 ? raw.length : end).toString() };
  }
  return undefined;
}

function parseIPv6(addr: string): Buffer {
  const out = Buffer.alloc(16);
  let text = addr;
  // An embedded IPv4 tail (::ffff:1.2.3.4) becomes two groups.
  const v4 = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (v4) {
    const p = v4[1]!.split('.').map(Number);
    text = text.slice(0, -v4[1]!.length) + `${((p[0]! << 8) | p[1]!).toString(16)}:${((p[2]! << 8) | p[3]!).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail ? tail.split(':') : [];
  const groups =
    tail === undefined
      ? headGroups
      : [...headGroups, ...new Array<string>(8 - headGroups.length - tailGroups.length).fill('0'), ...tailGroups];
  for (let i = 0; i < 8; i++) out.writeUInt16BE(parseInt(groups[i] ?? '0', 16), i * 2);
  return out;
}

/** RFC 5952 text, as Node prints addresses. */
function formatIPv6(b: Buffer): string {
  const groups: number[] = [];
  for (let i = 0; i < 16; i += 2) groups.push(b.readUInt16BE(i));
  // IPv4-mapped addresses print their tail dotted, as Node does.
  if (groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff) {
    return `::ffff:${b[12]}.${b[13]}.${b[14]}.${b[15]}`;
  }
  let bestStart = -1;
  let bestLen = 0;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen && j - i > 1) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLen).join(':')}`;
}
