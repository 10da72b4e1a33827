/**
 * The handle layer of lookup: libuv's uv_getaddrinfo and uv_getnameinfo, a
 * blocking libc call each on the thread pool as slow I/O (at most
 * (n + 1) / 2 threads, so a dead name server cannot starve file work).
 * Answers are libuv statuses: 0, a UV_EAI_* code, or a UV_E* errno.
 */
import { WorkFunction, queueWork, type Loop } from '@mini/loop';
import { NI_MAXHOST, NI_MAXSERV, NI_NAMEREQD, addrinfoHints, eaiStatus, encodeInet, takeAddrinfo, type ResolvedAddress } from '@mini/sys';

const fn = {
  getaddrinfo: new WorkFunction('getaddrinfo', 'int', 'slow-io', 'dns.lookup'),
  // libmini's: getnameinfo has one argument more than a request carries.
  getnameinfo: new WorkFunction('mini_getnameinfo', 'int', 'slow-io', 'dns.lookupService'),
};

export type { ResolvedAddress };

/** getaddrinfo(hostname, NULL, hints): every address, in the resolver's order. */
export function getaddrinfo(
  loop: Loop,
  hostname: string,
  family: 0 | 4 | 6,
  flags: number,
  cb: (status: number, addresses: ResolvedAddress[]) => void,
): void {
  const out = new Uint8Array(8);
  queueWork(loop, fn.getaddrinfo, [Buffer.from(hostname + '\0'), null, addrinfoHints(family, flags), out], (result, errno) => {
    const status = eaiStatus(result, errno);
    // A failed call leaves no list; a successful one is read and freed here, on the loop.
    const addresses = status === 0 ? takeAddrinfo(out) : [];
    cb(status, addresses);
  });
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
