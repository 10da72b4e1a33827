/**
 * node:dns/promises' resolve* and `Resolver` (lib/internal/dns/promises.js):
 * the same queries as ./resolver.ts, settled as promises. The module-level
 * functions run on the default resolver, shared with node:dns.
 */
import { codedError, validateString, ReflectApply } from '@mini/sys';
import { ResolverBase, RESOLVE_NAMES, installQueries } from './resolver.js';
import type { Kind } from './records.js';
import { dnsException } from '../lookup.js';

type PromiseQuery = (this: ResolverBase, name: unknown, options?: unknown) => Promise<unknown>;

function promiseQuery(kind: Kind, reverse = false): PromiseQuery {
  const bindingName = reverse ? 'getHostByAddr' : undefined;
  const query = function (this: ResolverBase, name: unknown, options?: unknown): Promise<unknown> {
    validateString(name, 'name');
    const ttl = !!(options && (options as { ttl?: unknown }).ttl);
    return new Promise((resolve, reject) => {
      const err = this._query(kind, name, ttl, (e, result) => (e ? reject(e) : resolve(result)), reverse);
      if (err) throw dnsException(err, bindingName!, name);
    });
  };
  return query;
}

export class PromisesResolver extends ResolverBase {
  declare resolveAny: PromiseQuery;
  declare resolve4: PromiseQuery;
  declare resolve6: PromiseQuery;
  declare resolveCaa: PromiseQuery;
  declare resolveCname: PromiseQuery;
  declare resolveMx: PromiseQuery;
  declare resolveNs: PromiseQuery;
  declare resolveTxt: PromiseQuery;
  declare resolveSrv: PromiseQuery;
  declare resolvePtr: PromiseQuery;
  declare resolveNaptr: PromiseQuery;
  declare resolveSoa: PromiseQuery;
  declare reverse: PromiseQuery;

  resolve(hostname: unknown, rrtype?: unknown): Promise<unknown> {
    let method: PromiseQuery | undefined;
    if (rrtype !== undefined) {
      validateString(rrtype, 'rrtype');
      method = PROMISE_METHODS[rrtype];
      if (typeof method !== 'function') throw codedError('ERR_INVALID_ARG_VALUE', 'rrtype', rrtype);
    } else method = PROMISE_METHODS.A!;
    return ReflectApply(method, this, [hostname]);
  }
}

const PROMISE_METHODS = installQueries(PromisesResolver.prototype, promiseQuery);

let defaultResolver: PromisesResolver | undefined;

/**
 * node:dns/promises' own default resolver: its setServers leaves node:dns'
 * alone, while node:dns' setServers sets both (Node 20's behaviour).
 */
export function getDefaultPromisesResolver(): PromisesResolver {
  return (defaultResolver ??= new PromisesResolver());
}

/** The module-level promise functions, on the promises default resolver. */
export function defaultPromiseFunctions(): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const proto = PromisesResolver.prototype as unknown as Record<string, (...args: unknown[]) => unknown>;
  for (const name of ['getServers', 'setServers', 'resolve', ...Object.values(RESOLVE_NAMES), 'reverse']) {
    const method = proto[name]!;
    out[name] = (...args: unknown[]) => method.apply(getDefaultPromisesResolver(), args);
  }
  return out;
}
