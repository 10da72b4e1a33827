/**
 * Name resolution for dgram, shaped as dns.lookup(hostname, family, cb)
 * so a socket's `lookup` option (or a later dns.lookup) plugs in as is.
 *
 * Without dns.lookup only what needs no resolver resolves: IP literals
 * (returned as given, whatever the family asked, as dns.lookup does) and
 * 'localhost' (the loopback of the family asked). Anything else fails with
 * an error that names dns.lookup. Results arrive on the next tick, as
 * dns.lookup delivers literals.
 */
import { isIP } from 'node:net';
import { validateString } from '@mini/sys';
import { lookupUnavailable } from './errors.js';

export type LookupCallback = (err: Error | null, address?: string, family?: number) => void;
export type LookupFunction = (hostname: string, family: number, callback: LookupCallback) => unknown;

export const lookup: LookupFunction = (hostname, family, callback) => {
  validateString(hostname, 'hostname');
  const literal = isIP(hostname);
  if (literal !== 0) {
    process.nextTick(callback, null, hostname, literal);
  } else if (hostname.toLowerCase() === 'localhost') {
    if (family === 6) process.nextTick(callback, null, '::1', 6);
    else process.nextTick(callback, null, '127.0.0.1', 4);
  } else {
    process.nextTick(callback, lookupUnavailable(hostname));
  }
  return {};
};
