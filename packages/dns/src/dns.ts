/**
 * node:dns and node:dns/promises on our loop: `lookup`/`lookupService` are
 * getaddrinfo/getnameinfo on the thread pool (lookup.ts); the resolve*
 * family speaks DNS itself over our UDP and TCP (resolver/). Whatever of
 * the host's module is not ours yet refuses with ERR_MINI_NOT_IMPLEMENTED
 * instead of running on the host's loop; its constants (dns.NOTFOUND…) are
 * plain strings and numbers, kept as they are.
 */
import hostDns from 'node:dns';
import { codedError } from '@mini/sys';
import { lookupApi, lookupPromisesApi } from './lookup.js';
import { resolverApi, resolverPromisesApi } from './resolver/index.js';

function notImplemented(name: string): () => never {
  // A plain function, so that `new dns.Resolver()` reaches the throw too.
  const fn = function (): never {
    throw codedError('ERR_MINI_NOT_IMPLEMENTED', /^[A-Z]/.test(name) ? `new dns.${name}()` : `dns.${name}()`);
  };
  Object.defineProperty(fn, 'name', { value: name });
  return fn;
}

/** Ours over the host's shape: same keys, functions refused where we have none. */
function complete(host: object, ours: Record<string, unknown>, prefix: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(host)) {
    if (key === 'promises') continue;
    if (key in ours) out[key] = ours[key];
    else out[key] = typeof value === 'function' ? notImplemented(prefix + key) : value;
  }
  for (const [key, value] of Object.entries(ours)) if (!(key in out)) out[key] = value;
  return out;
}

/** The node:dns module object (its `promises` is node:dns/promises). */
export function createDns(): Record<string, unknown> {
  const dns = complete(hostDns, { ...resolverApi(), ...lookupApi() }, '');
  const promises = complete(hostDns.promises, { ...resolverPromisesApi(), ...lookupPromisesApi() }, 'promises.');
  Object.defineProperty(dns, 'promises', { enumerable: true, configurable: true, get: () => promises });
  return dns;
}
