/**
 * The host's internal modules and bindings that mini reaches through
 * --expose-internals (which the launcher passes and execArgv hides), for
 * what only node's own code does, such as caching a file's source map for
 * node's stack formatter.
 */
import { createRequire } from 'node:module';

const hostRequire = createRequire(__filename);

/** A module of node's lib/internal ('internal/errors'); throws where the host has none by that name. */
export function hostInternal<T>(id: string): T {
  return hostRequire(id) as T;
}
