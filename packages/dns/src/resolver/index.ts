/**
 * The resolver half of node:dns (c-ares' role): what node:dns and
 * node:dns/promises export of it, to merge into each module object.
 */
import { Resolver, RESOLVE_NAMES, getDefaultResolver } from './resolver.js';
import { PromisesResolver, defaultPromiseFunctions, getDefaultPromisesResolver } from './promises.js';

export { Channel } from './channel.js';
export { Resolver, getDefaultResolver } from './resolver.js';
export { PromisesResolver, getDefaultPromisesResolver } from './promises.js';

/** c-ares' error codes as node:dns names them (dns.NODATA === 'ENODATA', …). */
export const RESOLVER_ERROR_CODES = {
  NODATA: 'ENODATA',
  FORMERR: 'EFORMERR',
  SERVFAIL: 'ESERVFAIL',
  NOTFOUND: 'ENOTFOUND',
  NOTIMP: 'ENOTIMP',
  REFUSED: 'EREFUSED',
  BADQUERY: 'EBADQUERY',
  BADNAME: 'EBADNAME',
  BADFAMILY: 'EBADFAMILY',
  BADRESP: 'EBADRESP',
  CONNREFUSED: 'ECONNREFUSED',
  TIMEOUT: 'ETIMEOUT',
  EOF: 'EOF',
  FILE: 'EFILE',
  NOMEM: 'ENOMEM',
  DESTRUCTION: 'EDESTRUCTION',
  BADSTR: 'EBADSTR',
  BADFLAGS: 'EBADFLAGS',
  NONAME: 'ENONAME',
  BADHINTS: 'EBADHINTS',
  NOTINITIALIZED: 'ENOTINITIALIZED',
  LOADIPHLPAPI: 'ELOADIPHLPAPI',
  ADDRGETNETWORKPARAMS: 'EADDRGETNETWORKPARAMS',
  CANCELLED: 'ECANCELLED',
} as const;

/** node:dns's resolver part: Resolver, setServers/getServers, resolve*, reverse, the error codes. */
export function resolverApi(): Record<string, unknown> {
  const out: Record<string, unknown> = { Resolver, ...RESOLVER_ERROR_CODES };
  const proto = Resolver.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['getServers', 'setServers', 'resolve', ...Object.values(RESOLVE_NAMES), 'reverse']) {
    const method = proto[name]!;
    out[name] = (...args: unknown[]) => method.apply(getDefaultResolver(), args);
  }
  // node:dns' setServers is the promises default resolver's too.
  out.setServers = (servers: unknown) => {
    getDefaultResolver().setServers(servers);
    getDefaultPromisesResolver().setServers(servers);
  };
  return out;
}

/** node:dns/promises' resolver part. */
export function resolverPromisesApi(): Record<string, unknown> {
  return { Resolver: PromisesResolver, ...RESOLVER_ERROR_CODES, ...defaultPromiseFunctions() };
}
