/**
 * node:dns's resolve* family and `Resolver` (lib/internal/dns/callback_resolver.js
 * and utils.js in Node): argument checks, the query kinds, errors as Node
 * builds them, over a `Channel`. The promise forms (./promises.ts) share
 * `ResolverBase` and the default channel.
 */
import { isIP, UV_EINVAL, codedError, validateArray, validateFunction, validateInt32, validateString, ReflectApply } from '@mini/sys';
import { Channel, DEFAULT_TRIES, type QueryStatus } from './channel.js';
import { DNS_PORT, parseHosts, readSystemConfig, readTextFile, type Server } from './config.js';
import { KIND_TYPE, parseAnswer, type Kind } from './records.js';
import { bindAsyncContext } from '@mini/loop';
import { toASCII } from '../idna.js';
import { dnsException } from '../lookup.js';

/** rrtype → the binding name Node reports as `syscall`. */
export const QUERY_KINDS: Record<Kind, string> = {
  ANY: 'queryAny',
  A: 'queryA',
  AAAA: 'queryAaaa',
  CAA: 'queryCaa',
  CNAME: 'queryCname',
  MX: 'queryMx',
  NS: 'queryNs',
  TXT: 'queryTxt',
  SRV: 'querySrv',
  PTR: 'queryPtr',
  NAPTR: 'queryNaptr',
  SOA: 'querySoa',
};

/** What a query hands back to the API layer. */
export type QueryDone = (err: Error | null, result?: unknown) => void;

/** Node's QueryReqWrap: what resolve* return, carrying the query's context. */
export class QueryReqWrap {
  bindingName = '';
  hostname = '';
  ttl = false;
  callback: ((...args: unknown[]) => void) | undefined;
  resolver: unknown;
}

const IPV6_BRACKETS = /^\[([^[\]]*)\]/;
const ADDR_SPLIT = /(^.+?)(?::(\d+))?$/;

/** Node's setServers parsing: "1.2.3.4", "1.2.3.4:53", "::1", "[::1]", "[::1]:53". */
export function parseServers(servers: unknown): Server[] {
  validateArray(servers, 'servers');
  return servers.map((serv, index) => {
    validateString(serv, `servers[${index}]`);
    let family = isIP(serv);
    if (family !== 0) return { family: family as 4 | 6, address: serv, port: DNS_PORT };
    const bracket = IPV6_BRACKETS.exec(serv);
    if (bracket) {
      family = isIP(bracket[1]!);
      if (family !== 0) {
        const port = Number.parseInt(serv.replace(ADDR_SPLIT, '$2')) || DNS_PORT;
        return { family: family as 4 | 6, address: bracket[1]!, port };
      }
    }
    const split = ADDR_SPLIT.exec(serv);
    if (split) {
      family = isIP(split[1]!);
      if (family !== 0) return { family: family as 4 | 6, address: split[1]!, port: Number.parseInt(split[2] ?? String(DNS_PORT)) };
    }
    throw codedError('ERR_INVALID_IP_ADDRESS', serv);
  });
}

/** The name a reverse lookup asks for: d.c.b.a.in-addr.arpa or 32 nibbles of ip6.arpa. */
export function reverseName(ip: string): string | undefined {
  const family = isIP(ip);
  if (family === 4) return `${ip.split('.').reverse().join('.')}.in-addr.arpa`;
  if (family !== 6) return undefined;
  let text = ip.replace(/%.*$/, '');
  // An embedded IPv4 tail (::ffff:1.2.3.4) as two groups.
  const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (v4) {
    const [a, b, c, d] = v4.slice(1).map(Number) as [number, number, number, number];
    text = text.slice(0, v4.index) + `${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::') as [string, string | undefined];
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = tail === undefined ? left : [...left, ...Array<string>(8 - left.length - right.length).fill('0'), ...right];
  const nibbles = groups.map((g) => g.padStart(4, '0')).join('');
  return `${[...nibbles].reverse().join('.')}.ip6.arpa`;
}

// c-ares 1.34 sends only names made of these (ares_is_hostnamech).
const HOSTNAME_CHARS = /^[A-Za-z0-9\-._/*]*$/;

/**
 * The name as c-ares puts it in a question, or undefined where c-ares says
 * EBADNAME: one trailing dot dropped ("." is the root), no empty label, no
 * label over 63 octets, no name over 255, nothing outside HOSTNAME_CHARS.
 * (c-ares' backslash escapes are not supported: such a name is EBADNAME.)
 */
export function questionName(name: string): string | undefined {
  // A program asks for the same name again and again.
  if (name !== lastName) {
    lastName = name;
    lastQuestionName = checkedName(name);
  }
  return lastQuestionName;
}

let lastName: string | undefined;
let lastQuestionName: string | undefined;

function checkedName(name: string): string | undefined {
  if (!HOSTNAME_CHARS.test(name)) return undefined;
  const bare = name.endsWith('.') ? name.slice(0, -1) : name;
  if (bare === '') return '';
  if (bare.length > 253) return undefined;
  for (const label of bare.split('.')) if (label.length === 0 || label.length > 63) return undefined;
  return bare;
}

function invalidLocalAddress(message = 'Invalid IP address.'): Error {
  // Node's binding throws these with messages of their own.
  const err = new TypeError(message) as TypeError & { code: string };
  err.code = 'ERR_INVALID_ARG_VALUE';
  return err;
}

/** What Resolver and the promises Resolver share: the channel and its servers. */
export class ResolverBase {
  _handle: Channel;

  constructor(options?: unknown) {
    const { timeout = -1, tries = DEFAULT_TRIES } = { ...(options as object) } as { timeout?: unknown; tries?: unknown };
    validateInt32(timeout, 'options.timeout', -1);
    validateInt32(tries, 'options.tries', 1);
    const system = readSystemConfig();
    this._handle = new Channel({ timeout, tries, servers: system.servers, rotate: system.rotate, systemTimeout: system.timeout });
  }

  cancel(): void {
    this._handle.cancel();
  }

  getServers(): string[] {
    return this._handle.servers.map((s) => {
      if (s.port === DNS_PORT) return s.address;
      return `${s.family === 6 ? `[${s.address}]` : s.address}:${s.port}`;
    });
  }

  setServers(servers: unknown): void {
    const parsed = parseServers(servers);
    // c-ares 1.34 refuses to change servers under queries in flight.
    if (this._handle.pending !== 0) throw codedError('ERR_DNS_SET_SERVERS_FAILED', 'There are pending queries.', servers);
    // c-ares keeps one entry per address and port, the first.
    const seen = new Set<string>();
    this._handle.servers = parsed.filter((s) => {
      const key = `${s.address} ${s.port}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
  }

  setLocalAddress(ipv4: unknown, ipv6?: unknown): void {
    validateString(ipv4, 'ipv4');
    if (ipv6 !== undefined) validateString(ipv6, 'ipv6');
    // The first is either family; a second must be the other one (Node's binding).
    const first = isIP(ipv4);
    if (first === 0) throw invalidLocalAddress();
    let v4 = first === 4 ? ipv4 : undefined;
    let v6 = first === 6 ? ipv4 : undefined;
    if (ipv6 !== undefined) {
      const second = isIP(ipv6);
      if (second === 0) throw invalidLocalAddress();
      if (second === first) throw invalidLocalAddress(`Cannot specify two IPv${first} addresses.`);
      if (second === 4) v4 = ipv6;
      else v6 = ipv6;
    }
    this._handle.localAddress4 = v4;
    this._handle.localAddress6 = v6;
  }

  /**
   * Start one query of `kind` (or a reverse lookup with `reverse`); `done`
   * gets Node's error or result. Returns a nonzero libuv status when the
   * query cannot start (only reverse's EINVAL).
   */
  _query(kind: Kind, name: string, ttl: boolean, done: QueryDone, reverse = false): number {
    const syscall = reverse ? 'getHostByAddr' : QUERY_KINDS[kind];
    // Answers come through the channel's one socket: each runs in the context of its own query.
    done = bindAsyncContext(done, 'QUERYWRAP');
    let wire: string | undefined;
    if (reverse) {
      wire = reverseName(name);
      if (wire === undefined) return UV_EINVAL;
      // The hosts file first; Node answers with the aliases (h_aliases), not the name.
      const names = parseHosts(readTextFile('/etc/hosts'), reverseName).get(wire);
      if (names !== undefined) {
        process.nextTick(done, null, names.slice(1));
        return 0;
      }
    } else {
      wire = questionName(toASCII(name));
      if (wire === undefined) {
        process.nextTick(done, dnsException('EBADNAME', syscall, name));
        return 0;
      }
    }
    this._handle.query(wire, KIND_TYPE[kind], (status: QueryStatus, answer) => {
      // c-ares' gethostbyaddr tries its next source on any failure and ends,
      // having none left, with ENOTFOUND; only a cancel says so.
      if (reverse && status !== 0 && status !== 'ECANCELLED') status = 'ENOTFOUND';
      if (status !== 0) return done(dnsException(status, syscall, name));
      const parsed = parseAnswer(kind, answer!, ttl);
      if (parsed.status !== 0) return done(dnsException(parsed.status, syscall, name));
      done(null, parsed.result);
    });
    return 0;
  }
}

type Query = (this: Resolver, name: unknown, options?: unknown, callback?: unknown) => QueryReqWrap;

function callbackQuery(kind: Kind, reverse = false): Query {
  const bindingName = reverse ? 'getHostByAddr' : QUERY_KINDS[kind];
  const query = function (this: Resolver, name: unknown, options?: unknown, callback?: unknown): QueryReqWrap {
    if (typeof options === 'function') {
      callback = options;
      options = {};
    }
    validateString(name, 'name');
    validateFunction(callback, 'callback');
    const req = new QueryReqWrap();
    req.bindingName = bindingName;
    req.callback = callback as (...args: unknown[]) => void;
    req.hostname = name;
    req.resolver = this;
    req.ttl = !!(options && (options as { ttl?: unknown }).ttl);
    const err = this._query(
      kind,
      name,
      req.ttl,
      (e, result) => (e ? ReflectApply(req.callback!, req, [e]) : ReflectApply(req.callback!, req, [null, result])),
      reverse,
    );
    if (err) throw dnsException(err, bindingName, name);
    return req;
  };
  Object.defineProperty(query, 'name', { value: bindingName });
  return query;
}

/** node:dns's Resolver. */
export class Resolver extends ResolverBase {
  declare resolveAny: Query;
  declare resolve4: Query;
  declare resolve6: Query;
  declare resolveCaa: Query;
  declare resolveCname: Query;
  declare resolveMx: Query;
  declare resolveNs: Query;
  declare resolveTxt: Query;
  declare resolveSrv: Query;
  declare resolvePtr: Query;
  declare resolveNaptr: Query;
  declare resolveSoa: Query;
  declare reverse: Query;

  resolve(hostname: unknown, rrtype?: unknown, callback?: unknown): QueryReqWrap {
    let method: Query | undefined;
    if (typeof rrtype === 'string') method = RESOLVE_METHODS[rrtype];
    else if (typeof rrtype === 'function') {
      method = RESOLVE_METHODS.A;
      callback = rrtype;
    } else throw codedError('ERR_INVALID_ARG_TYPE', 'rrtype', 'string', rrtype);
    if (typeof method === 'function') return ReflectApply(method, this, [hostname, callback]);
    throw codedError('ERR_INVALID_ARG_VALUE', 'rrtype', rrtype);
  }
}

/** Each rrtype's method name, as Node's resolveMap. */
export const RESOLVE_NAMES: Record<Kind, string> = {
  ANY: 'resolveAny',
  A: 'resolve4',
  AAAA: 'resolve6',
  CAA: 'resolveCaa',
  CNAME: 'resolveCname',
  MX: 'resolveMx',
  NS: 'resolveNs',
  TXT: 'resolveTxt',
  SRV: 'resolveSrv',
  PTR: 'resolvePtr',
  NAPTR: 'resolveNaptr',
  SOA: 'resolveSoa',
};

/**
 * Put one query method per record kind (resolve4, resolveMx…) and `reverse`
 * on a resolver class's prototype, non-enumerable as Node's are; returns the
 * methods by kind, for `resolve(name, rrtype)`. The callback and the promise
 * resolvers differ only in how a query answers (`make`).
 */
export function installQueries<Q>(proto: object, make: (kind: Kind, reverse?: boolean) => Q): Record<string, Q> {
  const byKind = Object.create(null) as Record<string, Q>;
  const define = (name: string, value: Q) =>
    Object.defineProperty(proto, name, { value, writable: true, configurable: true, enumerable: false });
  for (const [kind, method] of Object.entries(RESOLVE_NAMES) as [Kind, string][]) {
    byKind[kind] = make(kind);
    define(method, byKind[kind]);
  }
  define('reverse', make('PTR', true));
  return byKind;
}

const RESOLVE_METHODS = installQueries(Resolver.prototype, callbackQuery);

let defaultResolver: Resolver | undefined;

/** The resolver behind the module-level functions, of node:dns and node:dns/promises alike. */
export function getDefaultResolver(): Resolver {
  return (defaultResolver ??= new Resolver());
}
