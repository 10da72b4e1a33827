/**
 * The handle layer of lookup: libuv's uv_getaddrinfo and uv_getnameinfo, a
 * blocking libc call each on the thread pool as slow I/O (at most
 * (n + 1) / 2 threads, so a dead name server cannot starve file work).
 * Answers are libuv statuses: 0, a UV_EAI_* code, or a UV_E* errno.
 */
import { WorkFunction, queueWork, type Loop } from '@mini/loop';
import { NI_MAXHOST, NI_MAXSERV, NI_NAMEREQD, addrinfoHints, eaiStatus, encodeInet, type ResolvedAddress } from '@mini/sys';

const fn = {
  // libmini's: getaddrinfo whose answer is read and freed on the pool thread (native/netdb.c).
  getaddrinfo: new WorkFunction('mini_getaddrinfo', 'int', 'slow-io', 'dns.lookup'),
  // libmini's: getnameinfo has one argument more than a request carries.
  getnameinfo: new WorkFunction('mini_getnameinfo', 'int', 'slow-io', 'dns.lookupService'),
};

export type { ResolvedAddress };

/** netdb.c's answer: a 4-byte count, then per address a record of family byte, text length, text. */
const RECORD = 48;
/** Addresses a first answer has room for; a longer list is asked for again with room for all. */
const FIRST_CAPACITY = 16;

/**
 * Hints by family and flags, made once: a pool thread reads them, and a
 * buffer the pool has seen before costs no FFI call to find its address.
 */
const hintsCache = new Map<number, Uint8Array>();

function hintsFor(family: 0 | 4 | 6, flags: number): Uint8Array {
  const key = flags * 8 + family;
  let hints = hintsCache.get(key);
  if (hints === undefined) {
    hints = addrinfoHints(family, flags);
    hintsCache.set(key, hints);
  }
  return hints;
}

/**
 * getaddrinfo(hostname, NULL, hints): every address, in the resolver's
 * order. `capacity` is the room of the first answer (tests make it small).
 */
export function getaddrinfo(
  loop: Loop,
  hostname: string,
  family: 0 | 4 | 6,
  flags: number,
  cb: (status: number, addresses: ResolvedAddress[]) => void,
  capacity = FIRST_CAPACITY,
): void {
  // Small Buffers come from Node's shared slab: one known address for many requests.
  const name = Buffer.from(hostname + '\0');
  const hints = hintsFor(family, flags);
  const ask = (capacity: number): void => {
    const out = Buffer.allocUnsafe(4 + capacity * RECORD);
    queueWork(loop, fn.getaddrinfo, [name, hints, out, capacity], (result, errno) => {
      const status = eaiStatus(result, errno);
      if (status !== 0) return cb(status, []);
      const n = out.readInt32LE(0);
      if (n > capacity) return ask(n);
      const addresses: ResolvedAddress[] = new Array<ResolvedAddress>(n);
      for (let i = 0; i < n; i++) {
        const o = 4 + i * RECORD;
        addresses[i] = { address: out.toString('latin1', o + 2, o + 2 + out[o + 1]!), family: out[o] === 4 ? 4 : 6 };
      }
      cb(0, addresses);
    });
  };
  ask(capacity);
}

/** getnameinfo(address:port, NI_NAMEREQD): the host's name and the port's service name. */
export function getnameinfo(loop: Loop, address: string, port: number, cb: (status: number, host: string, service: string) => void): void {
  const sa = encodeInet(address, port);
  const host = new Uint8Array(NI_MAXHOST);
  const serv = new Uint8Array(NI_MAXSERV);
  queueWork(loop, fn.getnameinfo, [sa, sa.length, host, serv, NI_NAMEREQD], (result, errno) => {
    const status = eaiStatus(result, errno);
    if (status !== 0) return cb(status, '', '');
    cb(0, cString(host), cString(serv));
  });
}

function cString(buf: Uint8Array): string {
  const end = buf.indexOf(0);
  return Buffer.from(buf.buffer, buf.byteOffset, end < 0 ? buf.length : end).toString();
}
