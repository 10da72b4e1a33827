/**
 * <netdb.h>: what getaddrinfo and getnameinfo need around the call itself
 * (which runs on a pool thread, native/netdb.c reading the answer there):
 * hints laid out for the thread, and glibc's EAI_* codes turned into
 * libuv's UV_EAI_* statuses, so errors name what Node names.
 *
 *   struct addrinfo (48 B on x86_64 and aarch64)
 *   0 ai_flags i32 | 4 ai_family i32 | 8 ai_socktype i32 | 12 ai_protocol i32
 *   16 ai_addrlen u32 | 24 ai_addr ptr | 32 ai_canonname ptr | 40 ai_next ptr
 */
import { AF_INET, AF_INET6, SOCK_STREAM } from './socket.js';

export const ADDRINFO_SIZE = 48;
/** getaddrinfo hint flags Node lets through (dns.ADDRCONFIG, dns.V4MAPPED, dns.ALL). */
export const AI_V4MAPPED = 0x0008;
export const AI_ALL = 0x0010;
export const AI_ADDRCONFIG = 0x0020;
/** getnameinfo: fail rather than answer with the numeric address (what Node asks for). */
export const NI_NAMEREQD = 8;
export const NI_MAXHOST = 1025;
export const NI_MAXSERV = 32;

/** libuv's UV_EAI_* statuses (negative, in the same space as UV_E*). */
export const UV_EAI_ADDRFAMILY = -3000;
export const UV_EAI_AGAIN = -3001;
export const UV_EAI_BADFLAGS = -3002;
export const UV_EAI_CANCELED = -3003;
export const UV_EAI_FAIL = -3004;
export const UV_EAI_FAMILY = -3005;
export const UV_EAI_MEMORY = -3006;
export const UV_EAI_NODATA = -3007;
export const UV_EAI_NONAME = -3008;
export const UV_EAI_OVERFLOW = -3009;
export const UV_EAI_SERVICE = -3010;
export const UV_EAI_SOCKTYPE = -3011;

/** glibc's EAI_* → libuv's, as uv__getaddrinfo_translate_error does. */
const EAI_TO_UV = new Map<number, number>([
  [-1, UV_EAI_BADFLAGS],
  [-2, UV_EAI_NONAME],
  [-3, UV_EAI_AGAIN],
  [-4, UV_EAI_FAIL],
  [-5, UV_EAI_NODATA],
  [-6, UV_EAI_FAMILY],
  [-7, UV_EAI_SOCKTYPE],
  [-8, UV_EAI_SERVICE],
  [-9, UV_EAI_ADDRFAMILY],
  [-10, UV_EAI_MEMORY],
  [-12, UV_EAI_OVERFLOW],
  [-101, UV_EAI_CANCELED],
]);
/** EAI_SYSTEM: the reason is in errno. */
const EAI_SYSTEM = -11;

/** A getaddrinfo/getnameinfo return code as a libuv status; `errno` (negative) explains EAI_SYSTEM. */
export function eaiStatus(code: number, errno: number): number {
  if (code === 0) return 0;
  if (code === EAI_SYSTEM) return errno;
  return EAI_TO_UV.get(code) ?? UV_EAI_FAIL;
}

/** Hints as Node's getaddrinfo passes them: a family (0, 4 or 6), flags, stream sockets (one entry per address). */
export function addrinfoHints(family: 0 | 4 | 6, flags: number): Uint8Array {
  const hints = new Uint8Array(ADDRINFO_SIZE);
  const v = new DataView(hints.buffer);
  v.setInt32(0, flags, true);
  v.setInt32(4, family === 4 ? AF_INET : family === 6 ? AF_INET6 : 0, true);
  v.setInt32(8, SOCK_STREAM, true);
  return hints;
}

export interface ResolvedAddress {
  address: string;
  family: 4 | 6;
}
