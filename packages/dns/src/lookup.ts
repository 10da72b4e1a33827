/**
 * dns.lookup and dns.lookupService, callback and promise forms, with Node's
 * argument rules: the system resolver (getaddrinfo/getnameinfo, so
 * /etc/hosts, nsswitch and search domains apply) on our thread pool.
 */
import { defaultLoop } from '@mini/loop';
import {
  AI_ADDRCONFIG,
  AI_ALL,
  AI_V4MAPPED,
  UV_EAI_NODATA,
  UV_EINVAL,
  UV_EAI_NONAME,
  codedError,
  errnoName,
  validateBoolean,
  validateFunction,
  validateNumber,
  validateOneOf,
  validatePort,
  validateString,
  isIP,
} from '@mini/sys';
import { getaddrinfo, getnameinfo, type ResolvedAddress } from './handles/getaddrinfo.js';
import { toASCII } from './idna.js';

export type ResultOrder = 'verbatim' | 'ipv4first' | 'ipv6first';
const ORDERS: readonly ResultOrder[] = ['verbatim', 'ipv4first', 'ipv6first'];
const FAMILIES = [0, 4, 6] as const;
type Family = (typeof FAMILIES)[number];

let defaultOrder: ResultOrder = 'verbatim';

export function getDefaultResultOrder(): ResultOrder {
  return defaultOrder;
}

export function setDefaultResultOrder(order: unknown): void {
  validateOneOf(order, 'dnsOrder', ORDERS);
  defaultOrder = order;
}

export interface DnsError extends Error {
  errno: number | undefined;
  code: string;
  syscall: string;
  hostname?: string;
}

/** Node's dnsException: "getaddrinfo ENOTFOUND host", a name for a libuv status. */
export function dnsException(status: number | string, syscall: string, hostname?: string): DnsError {
  let code: string;
  let errno: number | undefined;
  if (typeof status === 'number') {
    errno = status;
    code = status === UV_EAI_NODATA || status === UV_EAI_NONAME ? 'ENOTFOUND' : errnoName(status);
  } else code = status;
  const err = new Error(`${syscall} ${code}${hostname ? ` ${hostname}` : ''}`) as DnsError;
  err.errno = errno;
  err.code = code;
  err.syscall = syscall;
  if (hostname) err.hostname = hostname;
  return err;
}

let hostnameWarned = false;

/** DEP0118, once: an empty hostname is answered, not resolved. */
function warnInvalidHostname(hostname: unknown): void {
  if (hostnameWarned) return;
  hostnameWarned = true;
  process.emitWarning(
    `The provided hostname "${String(hostname)}" is not a valid hostname, and is supported in the dns module solely for compatibility.`,
    'DeprecationWarning',
    'DEP0118',
  );
}

interface LookupOptions {
  family: Family;
  hints: number;
  all: boolean;
  order: ResultOrder;
}

/** No options: one object per result order, as nothing changes it. */
const defaults = new Map<ResultOrder, LookupOptions>();

/** The options object's part of Node's checks (the caller checked its type). */
function parseOptions(options: Record<string, unknown> | null | undefined): LookupOptions {
  if (options == null) {
    let o = defaults.get(defaultOrder);
    if (o === undefined) {
      o = { family: 0, hints: 0, all: false, order: defaultOrder };
      defaults.set(defaultOrder, o);
    }
    return o;
  }
  const o: LookupOptions = { family: 0, hints: 0, all: false, order: defaultOrder };
  if (options?.hints != null) {
    validateNumber(options.hints, 'options.hints');
    o.hints = options.hints >>> 0;
    if ((o.hints & ~(AI_ADDRCONFIG | AI_ALL | AI_V4MAPPED)) !== 0) throw codedError('ERR_INVALID_ARG_VALUE', 'hints', o.hints);
  }
  if (options?.family != null) {
    if (options.family === 'IPv4') o.family = 4;
    else if (options.family === 'IPv6') o.family = 6;
    else {
      validateOneOf(options.family, 'options.family', FAMILIES);
      o.family = options.family;
    }
  }
  if (options?.all != null) {
    validateBoolean(options.all, 'options.all');
    o.all = options.all;
  }
  if (options?.verbatim != null) {
    validateBoolean(options.verbatim, 'options.verbatim');
    o.order = options.verbatim ? 'verbatim' : 'ipv4first';
  }
  if (options?.order != null) {
    validateOneOf(options.order, 'options.order', ORDERS);
    o.order = options.order;
  }
  return o;
}

/** The resolver's answer in the order asked for: as returned, or one family first (stable). */
function ordered(addresses: ResolvedAddress[], order: ResultOrder): ResolvedAddress[] {
  if (order === 'verbatim') return addresses;
  const first = order === 'ipv4first' ? 4 : 6;
  return [...addresses.filter((a) => a.family === first), ...addresses.filter((a) => a.family !== first)];
}

type LookupCallback = (err: Error | null, address?: unknown, family?: number) => void;

/** What lookup answers without asking anyone: an empty name, an IP literal. Undefined when a query is needed. */
function answerAtOnce(hostname: unknown, o: LookupOptions): { address: string | null; family: number }[] | undefined {
  if (!hostname) {
    warnInvalidHostname(hostname);
    return o.all ? [] : [{ address: null, family: o.family === 6 ? 6 : 4 }];
  }
  const matched = isIP(hostname as string);
  return matched !== 0 ? [{ address: hostname as string, family: matched }] : undefined;
}

/**
 * The name is converted to ASCII (IDNA) into a 256-byte buffer before any
 * query: a longer ASCII form fails with EINVAL, delivered on the next tick.
 */
const MAX_HOSTNAME = 255;

function query(
  hostname: string,
  o: LookupOptions,
  done: (err: DnsError | null, found: { address: string; family: number }[]) => void,
): void {
  const ascii = toASCII(hostname);
  // At most 3 bytes per UTF-16 unit: a short name needs no measuring.
  if (ascii.length * 3 > MAX_HOSTNAME && Buffer.byteLength(ascii) > MAX_HOSTNAME) {
    process.nextTick(done, dnsException(UV_EINVAL, 'getaddrinfo', hostname), []);
    return;
  }
  // Named as node's: a program's stack shows node's frame for a lookup's completion in its place (apps/mini's launcher).
  const onlookup = (status: number, addresses: Parameters<Parameters<typeof getaddrinfo>[4]>[1]): void => {
    if (status !== 0) return done(dnsException(status, 'getaddrinfo', hostname), []);
    // Node reports the family asked for, when one was (a V4MAPPED answer is then "6").
    if (o.family !== 0) for (const a of addresses) a.family = o.family;
    done(null, ordered(addresses, o.order));
  };
  getaddrinfo(defaultLoop(), ascii, o.family, o.hints, onlookup);
}

/** dns.lookup(hostname[, options], callback). */
export function lookup(hostname: unknown, options: unknown, callback?: unknown): object {
  if (hostname) validateString(hostname, 'hostname');
  let o: LookupOptions;
  let cb: unknown = callback;
  if (typeof options === 'function') {
    cb = options;
    o = parseOptions(undefined);
  } else if (typeof options === 'number') {
    validateFunction(cb, 'callback');
    validateOneOf(options, 'family', FAMILIES);
    o = { ...parseOptions(undefined), family: options };
  } else if (options !== undefined && typeof options !== 'object') {
    validateFunction(arguments.length === 2 ? options : cb, 'callback');
    throw codedError('ERR_INVALID_ARG_TYPE', 'options', ['integer', 'object'], options);
  } else {
    validateFunction(cb, 'callback');
    o = parseOptions(options as Record<string, unknown> | null | undefined);
  }
  const callbackFn = cb as LookupCallback;
  const now = answerAtOnce(hostname, o);
  if (now !== undefined) {
    if (o.all) process.nextTick(callbackFn, null, now);
    else process.nextTick(callbackFn, null, now[0]!.address, now[0]!.family);
    return {};
  }
  query(hostname as string, o, (err, found) => {
    if (err !== null) return callbackFn(err);
    if (o.all) callbackFn(null, found);
    else callbackFn(null, found[0]!.address, found[0]!.family);
  });
  return {};
}

/** dns.promises.lookup(hostname[, options]). */
export function lookupPromise(hostname: unknown, options?: unknown): Promise<unknown> {
  if (hostname) validateString(hostname, 'hostname');
  let o: LookupOptions;
  if (typeof options === 'number') {
    validateOneOf(options, 'family', FAMILIES);
    o = { ...parseOptions(undefined), family: options };
  } else if (options !== undefined && typeof options !== 'object') {
    throw codedError('ERR_INVALID_ARG_TYPE', 'options', ['integer', 'object'], options);
  } else {
    o = parseOptions(options as Record<string, unknown> | null | undefined);
  }
  return new Promise((resolve, reject) => {
    const now = answerAtOnce(hostname, o);
    if (now !== undefined) return resolve(o.all ? now : now[0]);
    query(hostname as string, o, (err, found) => (err !== null ? reject(err) : resolve(o.all ? found : found[0])));
  });
}

function checkService(address: unknown, port: unknown): number {
  // Node checks the address only as an IP (a number is "invalid", not of the wrong type).
  if (isIP(address as string) === 0) throw codedError('ERR_INVALID_ARG_VALUE', 'address', address);
  return validatePort(port);
}

/** dns.lookupService(address, port, callback). */
export function lookupService(address: unknown, port: unknown, callback: unknown): object {
  if (arguments.length !== 3) throw codedError('ERR_MISSING_ARGS', 'address', 'port', 'callback');
  const p = checkService(address, port);
  validateFunction(callback, 'callback');
  const cb = callback as (err: Error | null, hostname?: string, service?: string) => void;
  getnameinfo(defaultLoop(), address as string, p, (status, host, service) => {
    if (status !== 0) return cb(dnsException(status, 'getnameinfo', address as string));
    cb(null, host, service);
  });
  return {};
}

/** dns.promises.lookupService(address, port). */
export function lookupServicePromise(address: unknown, port: unknown): Promise<{ hostname: string; service: string }> {
  if (arguments.length !== 2) throw codedError('ERR_MISSING_ARGS', 'address', 'port');
  const p = checkService(address, port);
  return new Promise((resolve, reject) => {
    getnameinfo(defaultLoop(), address as string, p, (status, hostname, service) => {
      if (status !== 0) return reject(dnsException(status, 'getnameinfo', address as string));
      resolve({ hostname, service });
    });
  });
}

/** The lookup half of node:dns (callbacks) and of dns.promises. */
export function lookupApi(): Record<string, unknown> {
  return {
    lookup,
    lookupService,
    getDefaultResultOrder,
    setDefaultResultOrder,
    ADDRCONFIG: AI_ADDRCONFIG,
    ALL: AI_ALL,
    V4MAPPED: AI_V4MAPPED,
  };
}

export function lookupPromisesApi(): Record<string, unknown> {
  return { lookup: lookupPromise, lookupService: lookupServicePromise, getDefaultResultOrder, setDefaultResultOrder };
}
