/**
 * `http.setMaxIdleHTTPParsers(max)`: Node keeps a free list of parsers. Ours
 * are cheap wasm-side allocations made per connection, so there is no pool
 * to size; the setting is validated and kept, as Node's is.
 */
import { validateInteger } from '@mini/sys';

let maxIdleParsers = 1000;

export function setMaxIdleHTTPParsers(max: unknown): void {
  validateInteger(max, 'max', 1);
  maxIdleParsers = max;
}

export function maxIdleHTTPParsers(): number {
  return maxIdleParsers;
}
