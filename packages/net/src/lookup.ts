/**
 * Name resolution for net and dgram: dns.lookup's shape, so a socket's
 * `lookup` option plugs in as is. The resolver itself is @mini/dns's, which
 * depends on this package (its resolver speaks over our UDP and TCP), so it
 * is installed from above: by @mini/dns when it loads, and by the runtime
 * when a program first uses net or dgram. Used alone, this package still
 * answers what needs no resolver (IP literals, on the next tick, as
 * dns.lookup does, and 'localhost', which RFC 6761 keeps on loopback) and
 * refuses any other name with an error saying what to load.
 */
import { isIP, codedError, validateString } from '@mini/sys';

/** dns.lookup's callback: an address and its family, or with `all: true` the list of them. */
export type LookupCallback = (err: Error | null, address?: string | LookupAddress[], family?: number) => void;
export interface LookupAddress {
  address: string;
  family: number;
}
export type LookupOptions = number | { family?: number; hints?: number; all?: boolean };
export type LookupFunction = (hostname: string, options: LookupOptions, callback: LookupCallback) => unknown;

let installed: LookupFunction | undefined;

/** dns.lookup, for every name net and dgram resolve. */
export function setSystemLookup(lookup: LookupFunction): void {
  installed = lookup;
}

function withoutResolver(hostname: string, options: LookupOptions, callback: LookupCallback): unknown {
  validateString(hostname, 'hostname');
  const family = typeof options === 'number' ? options : (options.family ?? 0);
  const all = typeof options === 'object' && options.all === true;
  const literal = isIP(hostname);
  let address: string | undefined;
  let found = 0;
  if (literal !== 0) [address, found] = [hostname, literal];
  else if (hostname.toLowerCase() === 'localhost') [address, found] = family === 6 ? ['::1', 6] : ['127.0.0.1', 4];
  if (address === undefined) {
    const err = codedError('ERR_MINI_NOT_IMPLEMENTED', 'dns.lookup', `cannot resolve '${hostname}' without @mini/dns (require it first)`);
    Object.assign(err, { syscall: 'getaddrinfo', hostname });
    process.nextTick(callback, err);
  } else if (all) {
    process.nextTick(callback, null, [{ address, family: found }]);
  } else {
    process.nextTick(callback, null, address, found);
  }
  return {};
}

/** The lookup in force now (a caller keeps no copy: @mini/dns may load later). */
export const lookup: LookupFunction = (hostname, options, callback) => (installed ?? withoutResolver)(hostname, options, callback);

/**
 * Node 20 connects by "happy eyeballs" by default: a name is looked up with
 * `all: true` and its addresses tried in turn, families alternating.
 */
let autoSelectFamily = true;
let autoSelectFamilyAttemptTimeout = 250;

export function getDefaultAutoSelectFamily(): boolean {
  return autoSelectFamily;
}
export function setDefaultAutoSelectFamily(value: boolean): void {
  autoSelectFamily = Boolean(value);
}
export function getDefaultAutoSelectFamilyAttemptTimeout(): number {
  return autoSelectFamilyAttemptTimeout;
}
export function setDefaultAutoSelectFamilyAttemptTimeout(value: number): void {
  autoSelectFamilyAttemptTimeout = Math.max(10, Number(value));
}
