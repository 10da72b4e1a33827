/**
 * The host's internal modules and bindings that mini reaches through
 * --expose-internals (which the launcher passes and execArgv hides), for
 * what only node's own code does, such as caching a file's source map for
 * node's stack formatter or finding a BroadcastChannel's group by name.
 */
import { createRequire } from 'node:module';

const hostRequire = createRequire(__filename);

/** A module of node's lib/internal ('internal/errors'); throws where the host has none by that name. */
export function hostInternal<T>(id: string): T {
  return hostRequire(id) as T;
}

/**
 * One of the host's internal bindings ('inspector'). The module that reaches
 * them warns once that it is for node's tests; that warning is not the
 * program's.
 */
export function hostBinding<T>(name: string): T {
  const warn = process.emitWarning;
  process.emitWarning = () => {};
  try {
    return hostInternal<{ internalBinding(name: string): T }>('internal/test/binding').internalBinding(name);
  } finally {
    process.emitWarning = warn;
  }
}
