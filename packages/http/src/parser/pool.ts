/**
 * `http.setMaxIdleHTTPParsers(max)`: Node keeps a free list of parsers. Ours
 * are cheap wasm-side allocations made per connection, so there is no pool
 * to size; the setting is validated and kept, as Node's is.
 */
import { invalidArgType, outOfRange } from '@mini/sys';

let maxIdleParsers = 1000;

export function setMaxIdleHTTPParsers(max: unknown): void {
  if (typeof max !== 'number') throw invalidArgType('max', 'number', max);
  if (!Number.isInteger(max)) throw outOfRange('max', 'an integer', max);
  if (max < 1) throw outOfRange('max', '>= 1 && <= 9007199254740991', max);
  maxIdleParsers = max;
}

export function maxIdleHTTPParsers(): number {
  return maxIdleParsers;
}
