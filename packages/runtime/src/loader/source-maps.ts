/**
 * --enable-source-maps for the program's own files. Node maps a stack's
 * frames (and the uncaught-error header) through the source maps its loader
 * cached as it compiled each file; our loader compiles them, so it hands
 * each file to that same cache (the host's, reached through
 * --expose-internals, which the launcher passes), and node's stack
 * formatting does the rest, as on node. Without the flag (or
 * process.setSourceMapsEnabled) nothing is read.
 */
import { hostInternal } from '@mini/sys';

type MaybeCacheSourceMap = (filename: string, content: string, module: object, isGeneratedSource: boolean) => void;

/** Host's maybeCacheSourceMap; null where this host has none. */
let cache: MaybeCacheSourceMap | null | undefined;

/** A file compiled (or about to be): its `//# sourceMappingURL` read as node's loader reads it, kept as long as `module`. */
export function cacheSourceMap(filename: string, content: string, module: object): void {
  if ((process as { sourceMapsEnabled?: boolean }).sourceMapsEnabled !== true) return;
  if (cache === undefined) {
    try {
      const sourceMapCache = hostInternal<{ maybeCacheSourceMap?: unknown }>('internal/source_map/source_map_cache');
      cache = typeof sourceMapCache.maybeCacheSourceMap === 'function' ? (sourceMapCache.maybeCacheSourceMap as MaybeCacheSourceMap) : null;
    } catch {
      cache = null;
    }
  }
  cache?.(filename, content, module, false);
}
