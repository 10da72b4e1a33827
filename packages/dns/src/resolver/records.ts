/**
 * Answers as Node hands them out: what `ares_parse_*_reply` and Node's
 * cares_wrap make of an answer section, per query kind. A kind with no
 * record of its type in the answer is ENODATA; a record dns2 could not
 * decode (NAPTR, which dns2 keeps raw, we decode here) is EBADRESP.
 */
import type { Packet, Resource } from './packet.js';
import type { DnsErrorCode } from './channel.js';

export type Kind = 'A' | 'AAAA' | 'ANY' | 'CAA' | 'CNAME' | 'MX' | 'NS' | 'NAPTR' | 'PTR' | 'SOA' | 'SRV' | 'TXT';

export const TYPE_NAPTR = 35;

/** The wire type asked for each kind (RFC 1035 and the RFCs that added the others). */
export const KIND_TYPE: Record<Kind, number> = {
  A: 1,
  AAAA: 28,
  ANY: 255,
  CAA: 257,
  CNAME: 5,
  MX: 15,
  NS: 2,
  NAPTR: TYPE_NAPTR,
  PTR: 12,
  SOA: 6,
  SRV: 33,
  TXT: 16,
};

class BadResponse extends Error {}

/** One record in the shape Node gives it for `kind` (without ANY's `type`). */
function recordValue(kind: Exclude<Kind, 'ANY'>, r: Resource, ttl: boolean): unknown {
  switch (kind) {
    case 'A':
    case 'AAAA':
      return ttl ? { address: r.address, ttl: r.ttl } : r.address;
    case 'CNAME':
    case 'PTR':
      return r.domain;
    case 'NS':
      return r.ns;
    case 'MX':
      return { exchange: r.exchange, priority: r.priority };
    case 'TXT':
      // A copy: the packet may be decoded once for many answers (channel.ts).
      return [...(r.data as string[])];
    case 'SRV':
      return { name: r.target, port: r.port, priority: r.priority, weight: r.weight };
    case 'SOA':
      return {
        nsname: r.primary,
        hostmaster: r.admin,
        serial: r.serial,
        refresh: r.refresh,
        retry: r.retry,
        expire: r.expiration,
        minttl: r.minimum,
      };
    case 'CAA': {
      const caa = r as Resource & { flags: number; tag: string; value: string };
      return { critical: caa.flags, [caa.tag]: caa.value };
    }
    case 'NAPTR':
      return decodeNaptr(r.data as Buffer);
  }
}

/** RFC 3403 rdata: order, preference, three character-strings, an uncompressed name. */
function decodeNaptr(data: Buffer): Record<string, unknown> {
  if (!Buffer.isBuffer(data) || data.length < 4) throw new BadResponse();
  let at = 4;
  const text = (): string => {
    const n = data[at];
    if (n === undefined || at + 1 + n > data.length) throw new BadResponse();
    const s = data.toString('latin1', at + 1, at + 1 + n);
    at += 1 + n;
    return s;
  };
  const flags = text();
  const service = text();
  const regexp = text();
  const labels: string[] = [];
  for (;;) {
    const n = data[at];
    // A compression pointer (0xc0) is not allowed here, nor a name running off the end.
    if (n === undefined || n > 63 || at + 1 + n > data.length) throw new BadResponse();
    at += 1;
    if (n === 0) break;
    labels.push(data.toString('latin1', at, at + n));
    at += n;
  }
  if (at !== data.length) throw new BadResponse();
  return { flags, service, regexp, replacement: labels.join('.'), order: data.readUInt16BE(0), preference: data.readUInt16BE(2) };
}

// Node's queryAny collects the kinds in this order, whatever the wire order.
const ANY_ORDER: Exclude<Kind, 'ANY'>[] = ['A', 'AAAA', 'CNAME', 'MX', 'NS', 'TXT', 'SRV', 'PTR', 'NAPTR', 'SOA', 'CAA'];

function anyRecord(kind: Exclude<Kind, 'ANY'>, r: Resource): Record<string, unknown> {
  switch (kind) {
    case 'A':
    case 'AAAA':
      return { address: r.address, ttl: r.ttl, type: kind };
    case 'CNAME':
    case 'NS':
    case 'PTR':
      return { value: recordValue(kind, r, false), type: kind };
    case 'TXT':
      return { entries: recordValue(kind, r, false), type: kind };
    default:
      return { ...(recordValue(kind, r, false) as object), type: kind };
  }
}

/** The result for `kind`, or the error code it ends with. */
export function parseAnswer(kind: Kind, packet: Packet, ttl: boolean): { status: 0; result: unknown } | { status: DnsErrorCode } {
  try {
    if (kind === 'ANY') {
      const out: unknown[] = [];
      for (const k of ANY_ORDER) {
        for (const r of packet.answers) if (r.type === KIND_TYPE[k]) out.push(anyRecord(k, r));
      }
      return out.length === 0 ? { status: 'ENODATA' } : { status: 0, result: out };
    }
    const records = packet.answers.filter((r) => r.type === KIND_TYPE[kind]);
    if (records.length === 0) return { status: 'ENODATA' };
    // Node's resolveSoa answers one object: the first SOA.
    if (kind === 'SOA') return { status: 0, result: recordValue(kind, records[0]!, false) };
    return { status: 0, result: records.map((r) => recordValue(kind, r, ttl)) };
  } catch (err) {
    if (err instanceof BadResponse) return { status: 'EBADRESP' };
    throw err;
  }
}
