/**
 * The handle layer of lookup: libuv's uv_getaddrinfo and uv_getnameinfo, a
 * blocking libc call each on the thread pool as slow I/O (at most
 * (n + 1) / 2 threads, so a dead name server cannot starve file work).
 * Answers are libuv statuses: 0, a UV_EAI_* code, or a UV_E* errno.
 */
import { WorkFunction, pinnedWorkArg, queueWork, type Loop } from '@mini/loop';
import { NI_MAXHOST, NI_MAXSERV, NI_NAMEREQD, addrinfoHints, eaiStatus, encodeInet, type ResolvedAddress, type WorkArg } from '@mini/sys';

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
const hintsCache = new Map<number, { hints: Uint8Array; arg: WorkArg }>();

function hintsFor(family: 0 | 4 | 6, flags: number): WorkArg {
  const key = flags * 8 + family;
  let entry = hintsCache.get(key);
  if (entry === undefined) {
    const hints = addrinfoHints(family, flags);
    entry = { hints, arg: pinnedWorkArg(hints) };
    hintsCache.set(key, entry);
  }
  return entry.arg;
}

/** A name's room in a request: the 255 bytes libuv allows, and its terminating NUL. */
const NAME_ROOM = 256;
const OUT_ROOM = 4 + FIRST_CAPACITY * RECORD;
/** Requests whose memory one ArrayBuffer holds. */
const SLOTS_PER_CHUNK = 32;

/**
 * One request's memory and state, reused by the next request once its
 * answer is read: lookups in flight come and go by the thousand, and a fresh
 * pair of Buffers each cost allocations, a new slab for the pool to find
 * the address of, and garbage. The chunks are never freed: there are as
 * many slots as lookups were ever in flight at once.
 */
class LookupSlot {
  readonly name: Buffer;
  readonly out: Buffer;
  /** The two as the pool passes them, worked out once. */
  private readonly nameArg: WorkArg;
  private readonly outArg: WorkArg;
  /** The name now written in `name` (a program asks for the same few names). */
  written = '';
  /** The arguments of mini_getaddrinfo, filled per request. */
  readonly args: WorkArg[];
  cb: GetaddrinfoCallback | undefined = undefined;
  loop: Loop | undefined = undefined;
  /** The room of the answer asked for (a test may ask for less). */
  capacity = FIRST_CAPACITY;
  /** Where the answer lands: `out`, or a bigger buffer when the first had too little room. */
  answer: Buffer;
  readonly done: (result: number, errno: number) => void;

  constructor(chunk: ArrayBuffer, offset: number) {
    this.name = Buffer.from(chunk, offset, NAME_ROOM);
    this.out = Buffer.from(chunk, offset + NAME_ROOM, OUT_ROOM);
    this.answer = this.out;
    this.nameArg = pinnedWorkArg(this.name);
    this.outArg = pinnedWorkArg(this.out);
    this.args = [this.nameArg, null, this.outArg, FIRST_CAPACITY];
    this.done = (result, errno) => this.onDone(result, errno);
  }

  /** Put `hostname` in as a C string; one that does not fit gets a Buffer of its own. */
  setName(hostname: string): void {
    if (hostname === this.written) return;
    // At most 3 bytes per UTF-16 unit: a short name fits without measuring it.
    if (hostname.length * 3 < NAME_ROOM || Buffer.byteLength(hostname) < NAME_ROOM) {
      const n = this.name.write(hostname, 0, NAME_ROOM - 1, 'utf8');
      this.name[n] = 0;
      this.written = hostname;
      this.args[0] = this.nameArg;
    } else {
      // `name` keeps what it holds, and `written` stays true of it.
      this.args[0] = Buffer.from(hostname + '\0');
    }
  }

  submit(capacity: number): void {
    this.capacity = capacity;
    this.answer = capacity === FIRST_CAPACITY ? this.out : Buffer.allocUnsafe(4 + capacity * RECORD);
    this.args[2] = capacity === FIRST_CAPACITY ? this.outArg : this.answer;
    this.args[3] = capacity;
    queueWork(this.loop!, fn.getaddrinfo, this.args, this.done);
  }

  private onDone(result: number, errno: number): void {
    const cb = this.cb!;
    const status = eaiStatus(result, errno);
    let addresses: ResolvedAddress[] = NO_ADDRESSES;
    if (status === 0) {
      const out = this.answer;
      const n = out.readInt32LE(0);
      if (n > this.capacity) return this.submit(n);
      addresses = new Array<ResolvedAddress>(n);
      for (let i = 0; i < n; i++) {
        const o = 4 + i * RECORD;
        addresses[i] = { address: out.toString('latin1', o + 2, o + 2 + out[o + 1]!), family: out[o] === 4 ? 4 : 6 };
      }
    }
    // Free before the callback, which may well look up the next name.
    this.cb = undefined;
    this.loop = undefined;
    this.answer = this.out;
    this.args[1] = null;
    this.args[0] = this.nameArg;
    freeSlots.push(this);
    cb(status, status === 0 ? addresses : []);
  }
}

const NO_ADDRESSES: ResolvedAddress[] = [];
const freeSlots: LookupSlot[] = [];

function takeSlot(): LookupSlot {
  const slot = freeSlots.pop();
  if (slot !== undefined) return slot;
  const chunk = new ArrayBuffer(SLOTS_PER_CHUNK * (NAME_ROOM + OUT_ROOM));
  for (let i = SLOTS_PER_CHUNK - 1; i > 0; i--) freeSlots.push(new LookupSlot(chunk, i * (NAME_ROOM + OUT_ROOM)));
  return new LookupSlot(chunk, 0);
}

export type GetaddrinfoCallback = (status: number, addresses: ResolvedAddress[]) => void;

/**
 * getaddrinfo(hostname, NULL, hints): every address, in the resolver's
 * order. `capacity` is the room of the first answer (tests make it small).
 */
export function getaddrinfo(
  loop: Loop,
  hostname: string,
  family: 0 | 4 | 6,
  flags: number,
  cb: GetaddrinfoCallback,
  capacity = FIRST_CAPACITY,
): void {
  const slot = takeSlot();
  slot.setName(hostname);
  slot.args[1] = hintsFor(family, flags);
  slot.cb = cb;
  slot.loop = loop;
  try {
    slot.submit(capacity);
  } catch (err) {
    slot.cb = undefined;
    slot.loop = undefined;
    freeSlots.push(slot);
    throw err;
  }
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
